package dev.reliance.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reliance.metrics.Selectivity;
import dev.reliance.model.Inference;
import dev.reliance.model.ModelWeights;
import dev.reliance.probe.AblationMode;
import dev.reliance.probe.AblationState;
import dev.reliance.probe.UnitRef;
import dev.reliance.probe.UnitSet;
import dev.reliance.run.LoadedRun;
import dev.reliance.run.Runs;
import dev.reliance.run.SyntheticData;
import dev.reliance.train.Evaluation;
import dev.reliance.train.TrainConfig;
import dev.reliance.train.TrainingListener;
import dev.reliance.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end analysis of small trained runs, checked against independent computations. */
class AnalyzerTest {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() {
        data = SyntheticData.write(tmp.resolve("data"), 300, 200, 5);
    }

    static LoadedRun train(String model, boolean bn, String name) {
        TrainConfig cfg = new TrainConfig("mnist", data.toString(), 0, 0, 0.2, model, bn, 0.0, "adam", 0.01, 0.9, 32, 4, 0.0, 3L, 0,
                0.0, 0);
        return Runs.train(cfg, tmp.resolve(name), new TrainingListener() {});
    }

    static double[][] csv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        return lines.stream().skip(1).map(l -> java.util.Arrays.stream(l.split(",", -1))
                .mapToDouble(s -> s.isEmpty() || s.equals("true") || s.equals("false") ? (s.equals("true") ? 1 : s.equals("false") ? 0 : Double.NaN)
                        : Double.parseDouble(s)).toArray()).toArray(double[][]::new);
    }

    @Test
    void mlpAnalysisAgreesWithIndependentComputations() throws Exception {
        try (LoadedRun run = train("mlp:12,10", false, "mlp")) {
            Path out = tmp.resolve("mlp/analysis");
            AnalysisConfig cfg = new AnalysisConfig("zero", 1, new int[0], 3, 4, 0, "train", 0, true, 6, Double.NaN, Double.NaN, 3,
                    false, true, 8, "equal-frequency", 2, 2);
            AnalysisSummary s = Analyzer.analyze(run, cfg, out, AnalysisProgress.SILENT);
            JsonNode summary = Json.readFile(out.resolve("summary.json"));
            double trainAcc = run.record().get("final").get("train_accuracy").asDouble();

            double[][] curve = csv(out.resolve("ablation_curve.csv"));
            assertEquals(23, curve.length, "every count 0..22");
            assertEquals(trainAcc, curve[0][2], 1e-12, "the curve starts at the training accuracy on the trained labels");
            // all 22 units zeroed: the logits are the head bias, so every example gets argmax(bias)
            float[] headBias = ModelWeights.export(run.network()).get("head.bias").data();
            int constant = 0;
            for (int c = 1; c < headBias.length; c++) if (headBias[c] > headBias[constant]) constant = c;
            int hits = 0;
            for (int y : run.data().train().labels()) if (y == constant) hits++;
            assertEquals((double) hits / run.data().train().size(), curve[22][2], 1e-12);
            // AUC: trapezoid over the written curve
            double auc = 0;
            for (int i = 1; i < curve.length; i++) auc += (curve[i][1] - curve[i - 1][1]) * (curve[i][2] + curve[i - 1][2]) / 2;
            assertEquals(auc, summary.get("ablation").get("auc").asDouble(), 1e-9);
            assertEquals(auc, s.ablationAuc(), 1e-9);
            assertEquals(auc / trainAcc, s.ablationAucIntact(), 1e-9);

            double[][] units = csv(out.resolve("units.csv"));
            assertEquals(22, units.length);
            UnitSet set = UnitSet.defaultFor(run.network().config(), 3);
            var m = run.model().getNDManager();
            Evaluation intact = Inference.evaluate(run.network(), m, run.data().test());
            for (int i : new int[] {0, 5, 13, 21}) {
                UnitRef u = set.units().get(i);
                // importance: plain masked forward pass of the single-unit ablation
                AblationState st = new AblationState(run.network().config());
                st.ablate(u, 1f);
                st.install(run.network(), m, AblationMode.ZERO, null);
                Evaluation ablated = Inference.evaluate(run.network(), m, run.data().test());
                run.network().clearProbes();
                assertEquals(ablated.loss() - intact.loss(), units[i][8], 1e-5, "importance of " + u);
                assertEquals(intact.accuracy() - ablated.accuracy(), units[i][9], 1e-9);
                // selectivity from the raw activations of the test set
                double[] acts = activations(run, u);
                // the synthetic task uses classes 0..3 only; selectivity is over the classes present
                Selectivity ref = Selectivity.of(acts, run.data().test().labels(), 4);
                if (ref.defined()) assertEquals(ref.selectivity(), units[i][2], 1e-9, "selectivity of " + u);
            }
            assertTrue(Files.exists(out.resolve("units_per_class.csv")));
            assertTrue(summary.get("correlations").get("pooled").get("importance_vs_selectivity").has("spearman_p"));
            assertEquals(4, summary.get("orderings").size());
        }
    }

    /** Post-ReLU activation of one dense unit over the test set, by a plain forward pass. */
    static double[] activations(LoadedRun run, UnitRef u) {
        var d = run.data().test();
        try (var m = run.model().getNDManager().newSubManager()) {
            var x = dev.reliance.model.Batches.inputs(m, d, 0, d.size());
            float[] a = run.network().activationsUpTo(new ai.djl.training.ParameterStore(m, false), x, u.layer()).get(u.layer()).toFloatArray();
            int width = run.network().config().layers().get(u.layer()).width();
            double[] out = new double[d.size()];
            for (int e = 0; e < d.size(); e++) out[e] = a[e * width + u.unit()];
            return out;
        }
    }

    @Test
    void cnnWithBatchNormAndMeanAblationRunsEndToEnd() throws Exception {
        try (LoadedRun run = train("cnn:4,6/2,5", true, "cnn")) {
            Path out = tmp.resolve("cnn/analysis-mean");
            AnalysisConfig cfg = new AnalysisConfig("mean", 1, new int[0], 2, 3, 5, "test", 100, true, 4, Double.NaN, Double.NaN, 2,
                    true, true, 8, "equal-width", 2, 2);
            AnalysisSummary s = Analyzer.analyze(run, cfg, out, AnalysisProgress.SILENT);
            assertEquals(2, s.layers().length, "last 2 conv layers");
            double[][] curve = csv(out.resolve("ablation_curve.csv"));
            assertEquals(5, curve.length);
            assertEquals(0, curve[0][0]);
            assertEquals(11, curve[4][0], "all 6 + 5 channels at the last grid point");
            assertTrue(Double.isFinite(s.noiseAuc()));
            assertEquals(11, csv(out.resolve("units.csv")).length);
        }
    }
}
