package dev.reliance.experiment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.reliance.train.TrainConfig;
import dev.reliance.util.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep: fixed training settings, a grid over some of them, and what to analyse. Read from
 * YAML or JSON (keys in snake_case; see examples/). Every combination of the grid's values is
 * one run.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public final class SweepSpec {
    public String name = "sweep";
    public String dataset = "fashion-mnist";
    public String dataDir;
    public int trainSize;
    public int testSize;
    public String model = "mlp:512,512";
    public boolean batchNorm;
    public double dropout;
    public String optimizer = "sgd";
    public double learningRate = 0.01;
    public double momentum = 0.9;
    public int batchSize = 128;
    public int epochs = 10;
    public double weightDecay;
    public long seed = 1;
    public int checkpointEvery;
    public double stopAtTrainAccuracy;
    public Grid grid = new Grid();
    public Analysis analysis = new Analysis();

    /** Values to sweep; an empty list keeps the fixed setting above. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Grid {
        public List<Double> corruption = List.of();
        public List<Long> seed = List.of();
        public List<Double> learningRate = List.of();
        public List<Integer> batchSize = List.of();
        public List<Double> dropout = List.of();
        public List<Boolean> batchNorm = List.of();
        public List<String> model = List.of();
    }

    /** What to measure on every run. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public static final class Analysis {
        public int orderings = 10;
        public int grid;
        public String on = "train";
        public int examples;
        public boolean noise = true;
        public int noisePoints = 20;
        public int noiseRepeats = 10;
        public boolean importance = true;
        /** Extra ablation modes besides zero, each written to analysis-MODE/ (e.g. mean, for Fig A1). */
        public List<String> extraModes = List.of();
        /** Analyse every checkpoint (needs checkpoint_every > 0): AUC over training. */
        public boolean dynamics;
        public int dynamicsOrderings = 3;
    }

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The text of a built-in preset (demo, paper-mnist-mlp, paper-cifar-cnn), or null. */
    public static String preset(String name) {
        if (!name.matches("[a-z0-9-]+")) return null;
        try (var in = SweepSpec.class.getResourceAsStream("/presets/" + name + ".yaml")) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    public static SweepSpec read(Path file) {
        if (!Files.isRegularFile(file)) throw new UserException(file + ": sweep spec not found");
        try {
            SweepSpec s = YAML.readValue(file.toFile(), SweepSpec.class);
            if (s == null) throw new UserException(file + ": empty sweep spec");
            s.expand(); // validates every run's config
            return s;
        } catch (UserException e) {
            throw new UserException(file + ": " + e.getMessage());
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("unreadable");
            throw new UserException(file + ": invalid sweep spec: " + msg);
        }
    }

    /** The run configs of the grid, in a fixed order (corruption varies fastest). */
    public List<TrainConfig> expand() {
        List<TrainConfig> out = new ArrayList<>();
        for (String m : or(grid.model, model)) {
            for (boolean bn : or(grid.batchNorm, batchNorm)) {
                for (double d : or(grid.dropout, dropout)) {
                    for (int bs : or(grid.batchSize, batchSize)) {
                        for (double lr : or(grid.learningRate, learningRate)) {
                            for (long sd : or(grid.seed, seed)) {
                                for (double f : or(grid.corruption, 0.0)) {
                                    out.add(new TrainConfig(dataset, dataDir, trainSize, testSize, f, m, bn, d, optimizer, lr,
                                            momentum, bs, epochs, weightDecay, sd, checkpointEvery, stopAtTrainAccuracy, 0).validate());
                                }
                            }
                        }
                    }
                }
            }
        }
        if (analysis.dynamics && checkpointEvery <= 0) throw new UserException("analysis.dynamics needs checkpoint_every > 0");
        return out;
    }

    private static <T> List<T> or(List<T> values, T fixed) {
        return values == null || values.isEmpty() ? List.of(fixed) : values;
    }

    /** A readable, stable directory name for a run, from the settings the grid varies. */
    public String runId(TrainConfig c) {
        StringBuilder sb = new StringBuilder();
        if (!grid.model.isEmpty()) sb.append(c.model().replace(':', '_').replace(',', '-').replace('/', 's')).append('_');
        if (!grid.batchNorm.isEmpty()) sb.append(c.batchNorm() ? "bn_" : "nobn_");
        if (!grid.dropout.isEmpty()) sb.append("drop").append(c.dropout()).append('_');
        if (!grid.batchSize.isEmpty()) sb.append("bs").append(c.batchSize()).append('_');
        if (!grid.learningRate.isEmpty()) sb.append("lr").append(c.learningRate()).append('_');
        if (!grid.seed.isEmpty()) sb.append("seed").append(c.seed()).append('_');
        sb.append("corrupt").append(c.corruption());
        return sb.toString();
    }

    public AnalysisConfig analysisConfig(String mode, boolean forDynamics) {
        AnalysisConfig d = AnalysisConfig.defaults();
        return new AnalysisConfig(mode, 1.0, new int[0], d.lastConvLayers(), forDynamics ? analysis.dynamicsOrderings : analysis.orderings,
                forDynamics && analysis.grid == 0 ? 20 : analysis.grid, analysis.on, analysis.examples, analysis.noise && !forDynamics,
                analysis.noisePoints, Double.NaN, Double.NaN, analysis.noiseRepeats, false, analysis.importance && !forDynamics,
                d.miBins(), d.miBinning(), seed, 0).validate();
    }
}
