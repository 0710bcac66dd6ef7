package dev.reliance.run;

import ai.djl.Model;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reliance.data.DataSplits;
import dev.reliance.model.ProbedNetwork;
import dev.reliance.train.TrainConfig;

/**
 * A finished run in memory: its config and record, the trained network (inside a DJL model
 * the caller closes) and the data exactly as trained (training labels as stored).
 */
public record LoadedRun(RunFiles files, TrainConfig config, JsonNode record, Model model, ProbedNetwork network,
        DataSplits data) implements AutoCloseable {
    @Override
    public void close() {
        model.close();
    }
}
