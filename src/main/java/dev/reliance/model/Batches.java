package dev.reliance.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reliance.data.Dataset;
import java.nio.FloatBuffer;

/** Turns slices of a {@link Dataset} into (N, C, H, W) input arrays. */
public final class Batches {
    private Batches() {}

    /** Examples {@code from} (inclusive) to {@code to} (exclusive). */
    public static NDArray inputs(NDManager manager, Dataset d, int from, int to) {
        int f = d.featureCount();
        FloatBuffer buf = FloatBuffer.wrap(d.inputs(), from * f, (to - from) * f).slice();
        return manager.create(buf, new Shape(to - from, d.channels(), d.height(), d.width()));
    }

    /** The examples whose indices are {@code order[from..to)}, in that order. */
    public static NDArray inputs(NDManager manager, Dataset d, int[] order, int from, int to) {
        int f = d.featureCount();
        float[] x = new float[(to - from) * f];
        for (int i = from; i < to; i++) System.arraycopy(d.inputs(), order[i] * f, x, (i - from) * f, f);
        return manager.create(x, new Shape(to - from, d.channels(), d.height(), d.width()));
    }
}
