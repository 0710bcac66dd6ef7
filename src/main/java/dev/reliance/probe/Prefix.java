package dev.reliance.probe;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.reliance.data.Dataset;
import dev.reliance.model.Batches;
import dev.reliance.model.ProbedNetwork;

/** The part of the network before the first analysed probe: computed once per example, never per ablation state. */
final class Prefix {
    static final int CHUNK = 4096;

    private Prefix() {}

    /** Post-ReLU activations of hidden layer {@code layer} (intact network) for examples [from, to), row-major. */
    static float[] activations(ProbedNetwork net, NDManager manager, Dataset data, int from, int to, int layer) {
        net.clearProbes();
        try (NDManager m = manager.newSubManager()) {
            return net.activationsBeforeProbe(new ParameterStore(m, false), Batches.inputs(m, data, from, to), layer).toFloatArray();
        }
    }

    /** Column block [b0, b0+e) of a row-major (n x units) matrix, as a unit-major (units x e) block. */
    static float[] block(float[] rows, int units, int b0, int e) {
        float[] t = new float[units * e];
        for (int i = 0; i < e; i++) {
            int ro = (b0 + i) * units;
            for (int u = 0; u < units; u++) t[u * e + i] = rows[ro + u];
        }
        return t;
    }
}
