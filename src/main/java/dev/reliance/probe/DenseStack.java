package dev.reliance.probe;

import dev.reliance.model.ModelConfig;
import dev.reliance.model.ProbedNetwork;
import dev.reliance.model.Tensor;
import dev.reliance.model.ModelWeights;
import java.util.Map;

/**
 * An MLP's weights as plain arrays for the fast analysis kernels, with inference-mode batch
 * norm folded into the preceding dense layer (BN is affine at inference, so the layer after
 * a probe stays linear in the probe's output). Stage s maps hidden layer s-1 (or the input,
 * for s = 0) to hidden layer s, and the last stage (s = L) to the logits.
 */
public final class DenseStack {
    private final int[] inWidth;
    private final int[] outWidth;
    private final float[][] weights; // stage s: outWidth[s] x inWidth[s], row-major
    private final float[][] biases;

    private DenseStack(int[] inWidth, int[] outWidth, float[][] weights, float[][] biases) {
        this.inWidth = inWidth;
        this.outWidth = outWidth;
        this.weights = weights;
        this.biases = biases;
    }

    public static DenseStack of(ProbedNetwork net) {
        ModelConfig c = net.config();
        if (c.conv()) throw new IllegalArgumentException("DenseStack needs an MLP");
        Map<String, Tensor> t = ModelWeights.export(net);
        int L = c.hiddenLayerCount();
        int[] in = new int[L + 1];
        int[] out = new int[L + 1];
        float[][] w = new float[L + 1][];
        float[][] b = new float[L + 1][];
        for (int s = 0; s <= L; s++) {
            String p = s < L ? "hidden." + s + "." : "head.";
            w[s] = t.get(p + "weight").data().clone();
            b[s] = t.get(p + "bias").data().clone();
            out[s] = b[s].length;
            in[s] = w[s].length / out[s];
            if (s < L && c.batchNorm()) {
                fold(w[s], b[s], in[s], t.get(p + "bn.weight").data(), t.get(p + "bn.bias").data(),
                        t.get(p + "bn.running_mean").data(), t.get(p + "bn.running_var").data());
            }
        }
        return new DenseStack(in, out, w, b);
    }

    /** y = gamma * (Wx + b - mean) / sqrt(var + eps) + beta, folded into W and b. */
    private static void fold(float[] w, float[] b, int in, float[] gamma, float[] beta, float[] mean, float[] var) {
        for (int u = 0; u < b.length; u++) {
            double scale = gamma[u] / Math.sqrt(var[u] + ProbedNetwork.BN_EPSILON);
            for (int i = 0; i < in; i++) w[u * in + i] = (float) (w[u * in + i] * scale);
            b[u] = (float) ((b[u] - mean[u]) * scale + beta[u]);
        }
    }

    public int stages() {
        return weights.length;
    }

    public int in(int stage) {
        return inWidth[stage];
    }

    public int out(int stage) {
        return outWidth[stage];
    }

    public float[] weights(int stage) {
        return weights[stage];
    }

    public float[] bias(int stage) {
        return biases[stage];
    }
}
