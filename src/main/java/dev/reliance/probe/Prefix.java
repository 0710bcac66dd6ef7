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

    /**
     * Post-ReLU activations of hidden layer {@code layer} (intact network) for examples [from, to),
     * unit-major: (units x n), transposed by PyTorch so blocks are cut with plain array copies.
     */
    static float[] activations(ProbedNetwork net, NDManager manager, Dataset data, int from, int to, int layer) {
        net.clearProbes();
        try (NDManager m = manager.newSubManager()) {
            return unitMajor(net.activationsBeforeProbe(new ParameterStore(m, false), Batches.inputs(m, data, from, to), layer));
        }
    }

    /** A (n x units) array as a unit-major (units x n) float array. */
    static float[] unitMajor(ai.djl.ndarray.NDArray rows) {
        return rows.transpose().toFloatArray();
    }

    /** Columns [b0, b0+e) of a unit-major (units x n) matrix, as a (units x e) block. */
    static float[] block(float[] unitMajor, int units, int n, int b0, int e) {
        float[] t = new float[units * e];
        for (int u = 0; u < units; u++) System.arraycopy(unitMajor, u * n + b0, t, u * e, e);
        return t;
    }
}
