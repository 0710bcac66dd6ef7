package dev.reliance.run;

import java.nio.file.Path;

/** The layout of a run directory. run.json is written last: its presence marks a finished run. */
public record RunFiles(Path dir) {
    public Path runJson() {
        return dir.resolve("run.json");
    }

    public Path metricsCsv() {
        return dir.resolve("metrics.csv");
    }

    public Path weights() {
        return dir.resolve("model.safetensors");
    }

    public Path checkpoints() {
        return dir.resolve("checkpoints");
    }

    public Path checkpoint(int epoch) {
        return checkpoints().resolve(String.format("epoch-%04d.safetensors", epoch));
    }

    /** The training labels the network learned (after corruption), as an IDX label file. */
    public Path trainLabels() {
        return dir.resolve("train-labels-idx1-ubyte");
    }

    public Path analysis() {
        return dir.resolve("analysis");
    }
}
