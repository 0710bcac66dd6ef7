package dev.reliance.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reliance.metrics.Breakpoints;
import dev.reliance.model.Inference;
import dev.reliance.run.LoadedRun;
import dev.reliance.run.RunFiles;
import dev.reliance.run.Runs;
import dev.reliance.train.Evaluation;
import dev.reliance.util.Json;
import dev.reliance.util.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Training dynamics (paper Fig 4a-b): analyse every checkpoint of a run; AUC over training
 * beside train and test loss; the epoch at which AUC begins to fall, the epoch at which test
 * loss starts to rise (train and test loss diverge), and the Spearman of AUC against test loss.
 * Writes RUN/dynamics/dynamics.csv, dynamics.json and each checkpoint's analysis.
 */
public final class Dynamics {
    private Dynamics() {}

    public static ObjectNode run(Path runDir, Path dataDir, AnalysisConfig cfg, AnalysisProgress progress) {
        RunFiles files = new RunFiles(runDir);
        List<Path> checkpoints = checkpoints(files);
        if (checkpoints.size() < 2) {
            throw new UserException(runDir + ": needs at least 2 checkpoints for training dynamics (train with --checkpoint-every K)");
        }
        Path out = runDir.resolve("dynamics");
        int n = checkpoints.size();
        int[] epochs = new int[n];
        double[] trainLoss = new double[n];
        double[] trainAcc = new double[n];
        double[] testLoss = new double[n];
        double[] testAcc = new double[n];
        double[] auc = new double[n];
        double[] aucIntact = new double[n];
        double[] noiseAuc = new double[n];
        for (int i = 0; i < n; i++) {
            Path ckpt = checkpoints.get(i);
            epochs[i] = epochOf(ckpt);
            try (LoadedRun run = Runs.load(runDir, dataDir, ckpt)) {
                Evaluation tr = Inference.evaluate(run.network(), run.model().getNDManager(), run.data().train());
                Evaluation te = Inference.evaluate(run.network(), run.model().getNDManager(), run.data().test());
                trainLoss[i] = tr.loss();
                trainAcc[i] = tr.accuracy();
                testLoss[i] = te.loss();
                testAcc[i] = te.accuracy();
                AnalysisSummary s = Analyzer.analyze(run, cfg, out.resolve(String.format("epoch-%04d", epochs[i])), progress);
                auc[i] = s.ablationAuc();
                aucIntact[i] = s.ablationAucIntact();
                noiseAuc[i] = s.noiseAuc();
            }
        }
        Csv csv = new Csv("epoch,train_loss,train_accuracy,test_loss,test_accuracy,ablation_auc,ablation_auc_intact,noise_auc");
        for (int i = 0; i < n; i++) csv.row(epochs[i], trainLoss[i], trainAcc[i], testLoss[i], testAcc[i], auc[i], aucIntact[i], noiseAuc[i]);
        csv.write(out.resolve("dynamics.csv"));
        ObjectNode j = Json.object();
        j.put("checkpoints", n);
        j.put("auc_decline_epoch", epochs[Breakpoints.declineStart(auc, Breakpoints.DEFAULT_WINDOW)]);
        j.put("loss_divergence_epoch", epochs[Breakpoints.lossDivergence(testLoss, Breakpoints.DEFAULT_WINDOW)]);
        CorrelationJson.put(j, "spearman_auc_vs_test_loss", auc, testLoss);
        j.put("definitions", "auc_decline_epoch: last epoch at which the 3-point moving average of AUC is at its maximum; "
                + "loss_divergence_epoch: first epoch of the minimum of the 3-point moving average of test loss");
        Json.writeFile(out.resolve("dynamics.json"), j);
        return j;
    }

    static List<Path> checkpoints(RunFiles files) {
        if (!Files.isDirectory(files.checkpoints())) return List.of();
        try (Stream<Path> s = Files.list(files.checkpoints())) {
            return s.filter(p -> p.getFileName().toString().matches("epoch-\\d{4,}\\.safetensors")).sorted().toList();
        } catch (IOException e) {
            throw new UserException(files.checkpoints() + ": cannot list (" + e.getMessage() + ")");
        }
    }

    private static int epochOf(Path ckpt) {
        String n = ckpt.getFileName().toString();
        return Integer.parseInt(n.substring("epoch-".length(), n.indexOf('.')));
    }
}
