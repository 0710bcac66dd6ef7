package dev.reliance.run;

import ai.djl.Model;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reliance.data.DataSplits;
import dev.reliance.data.Dataset;
import dev.reliance.data.IdxReader;
import dev.reliance.data.IdxWriter;
import dev.reliance.model.ModelWeights;
import dev.reliance.model.ProbedNetwork;
import dev.reliance.train.EpochMetrics;
import dev.reliance.train.NetworkTrainer;
import dev.reliance.train.TrainConfig;
import dev.reliance.train.TrainingListener;
import dev.reliance.util.Json;
import dev.reliance.util.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The library API behind {@code reliance train}: train into a run directory, load a run back. */
public final class Runs {
    private Runs() {}

    /** Trains as {@code cfg} says and writes the complete run directory; returns the run loaded. */
    public static LoadedRun train(TrainConfig cfg, Path outDir, TrainingListener progress) {
        cfg.validate();
        RunFiles files = new RunFiles(outDir);
        prepareOutput(outDir);
        DataSplits data = RunData.prepare(cfg);
        IdxWriter.writeLabels(files.trainLabels(), data.train().labels());
        List<EpochMetrics> history = new ArrayList<>();
        long start = System.nanoTime();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onBatch(int epoch, int batch, int batches, double loss, double acc) {
                progress.onBatch(epoch, batch, batches, loss, acc);
            }

            @Override
            public void onEpoch(EpochMetrics m) {
                history.add(m);
                MetricsCsv.write(files.metricsCsv(), history);
                progress.onEpoch(m);
            }

            @Override
            public void onCheckpoint(int epoch, ProbedNetwork net) {
                ModelWeights.save(net, files.checkpoint(epoch));
                progress.onCheckpoint(epoch, net);
            }
        };
        NetworkTrainer.Result result = NetworkTrainer.train(cfg, data, recorder);
        ModelWeights.save(result.network(), files.weights());
        Json.writeFile(files.runJson(), record(cfg, data, result.last(), history.size(),
                (System.nanoTime() - start) / 1e9));
        return new LoadedRun(files, cfg, Json.readFile(files.runJson()), result.model(), result.network(), data);
    }

    static ObjectNode record(TrainConfig cfg, DataSplits data, EpochMetrics last, int epochs, double seconds) {
        ObjectNode r = Json.object();
        r.put("format", "reliance-run/1");
        r.set("config", Json.MAPPER.valueToTree(cfg));
        r.put("seed", cfg.seed());
        r.set("versions", Versions.asJson());
        ObjectNode d = r.putObject("data");
        d.put("train_examples", data.train().size());
        d.put("test_examples", data.test().size());
        d.put("train_labels_file", "train-labels-idx1-ubyte");
        ObjectNode f = r.putObject("final");
        f.put("epoch", last.epoch());
        f.put("train_accuracy", last.trainAccuracy());
        f.put("test_accuracy", last.testAccuracy());
        f.put("train_loss", last.trainLoss());
        f.put("test_loss", last.testLoss());
        f.put("generalization_error", last.generalizationError());
        r.put("epochs_trained", epochs);
        r.put("wall_seconds", seconds);
        return r;
    }

    /**
     * Makes a run directory from weights trained elsewhere (safetensors with this tool's tensor
     * names, see README): the config names the data set, subsets and architecture; the training
     * labels are the clean ones (or corrupted as the config says). Final metrics are measured.
     */
    public static LoadedRun importWeights(TrainConfig cfg, Path weights, Path outDir) {
        cfg.validate();
        RunFiles files = new RunFiles(outDir);
        prepareOutput(outDir);
        DataSplits data = RunData.prepare(cfg);
        ProbedNetwork net = new ProbedNetwork(NetworkTrainer.modelConfig(cfg, data.train()));
        Model model = NetworkTrainer.newModel(net, cfg.seed());
        try {
            ModelWeights.load(net, weights);
            IdxWriter.writeLabels(files.trainLabels(), data.train().labels());
            EpochMetrics m = NetworkTrainer.measure(0, net, model.getNDManager(), data);
            MetricsCsv.write(files.metricsCsv(), List.of(m));
            ModelWeights.save(net, files.weights());
            ObjectNode record = record(cfg, data, m, 0, 0);
            record.put("imported_from", weights.toAbsolutePath().toString());
            Json.writeFile(files.runJson(), record);
            return new LoadedRun(files, cfg, record, model, net, data);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Loads a finished run; {@code dataDir} overrides where the data set is looked up. */
    public static LoadedRun load(Path dir, Path dataDir) {
        return load(dir, dataDir, new RunFiles(dir).weights());
    }

    /** Loads a run with other weights of the same architecture (a checkpoint). */
    public static LoadedRun load(Path dir, Path dataDir, Path weights) {
        RunFiles files = new RunFiles(dir);
        if (!Files.isDirectory(dir)) throw new UserException(dir + ": run directory not found");
        if (!Files.isRegularFile(files.runJson())) {
            throw new UserException(dir + ": not a finished run (no run.json; training may have stopped early)");
        }
        JsonNode record = Json.readFile(files.runJson());
        TrainConfig cfg;
        try {
            cfg = Json.MAPPER.treeToValue(record.get("config"), TrainConfig.class);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new UserException(files.runJson() + ": config missing or incompatible with this version of reliance");
        }
        if (dataDir != null) cfg = cfg.withDataDir(dataDir.toString());
        DataSplits clean = RunData.cleanSplits(cfg);
        Dataset train = clean.train();
        if (!Files.isRegularFile(files.trainLabels())) throw new UserException(files.trainLabels() + ": file not found");
        int[] labels = IdxReader.readLabels(files.trainLabels(), train.numClasses());
        if (labels.length != train.size()) {
            throw new UserException(files.trainLabels() + ": holds " + labels.length + " labels but the run's training set has "
                    + train.size() + " examples");
        }
        DataSplits data = new DataSplits(train.withLabels(labels), clean.test());
        ProbedNetwork net = new ProbedNetwork(NetworkTrainer.modelConfig(cfg, train));
        Model model = NetworkTrainer.newModel(net, cfg.seed());
        try {
            ModelWeights.load(net, weights);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return new LoadedRun(files, cfg, record, model, net, data);
    }

    private static void prepareOutput(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserException("--out " + dir + ": cannot create directory (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) throw new UserException("--out " + dir + ": directory is not writable");
        if (Files.exists(new RunFiles(dir).runJson())) {
            throw new UserException("--out " + dir + ": already holds a finished run; choose another directory");
        }
    }
}
