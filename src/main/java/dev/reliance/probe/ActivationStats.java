package dev.reliance.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.reliance.data.Dataset;
import dev.reliance.model.Batches;
import dev.reliance.model.ModelConfig;
import dev.reliance.model.ProbedNetwork;
import java.util.List;

/**
 * Training-set statistics of every hidden layer's post-ReLU activation, streamed in batches:
 * the mean per element (per unit for dense layers, per (channel, y, x) for conv maps: the
 * replacement of mean ablation) and the SD per unit (per channel over examples and space for
 * conv maps: the scale of noise).
 */
public final class ActivationStats {
    private final float[][] elementMeans;
    private final float[][] unitSds;
    private final float[][] unitMeans;

    private ActivationStats(float[][] elementMeans, float[][] unitMeans, float[][] unitSds) {
        this.elementMeans = elementMeans;
        this.unitMeans = unitMeans;
        this.unitSds = unitSds;
    }

    public static ActivationStats compute(ProbedNetwork net, NDManager manager, Dataset data) {
        ModelConfig c = net.config();
        int layers = c.hiddenLayerCount();
        double[][] sum = new double[layers][];
        double[][] chanSum = new double[layers][];
        double[][] chanSq = new double[layers][];
        int[] spatial = new int[layers];
        for (int l = 0; l < layers; l++) {
            int[] hw = c.spatialSize(l);
            spatial[l] = hw[0] * hw[1];
            int units = c.layers().get(l).width();
            sum[l] = new double[units * spatial[l]];
            chanSum[l] = new double[units];
            chanSq[l] = new double[units];
        }
        net.clearProbes();
        for (int from = 0; from < data.size(); from += 1000) {
            int to = Math.min(data.size(), from + 1000);
            try (NDManager m = manager.newSubManager()) {
                List<NDArray> acts = net.activationsUpTo(new ParameterStore(m, false), Batches.inputs(m, data, from, to), layers - 1);
                for (int l = 0; l < layers; l++) accumulate(acts.get(l).toFloatArray(), to - from, sum[l], chanSum[l], chanSq[l], spatial[l]);
            }
        }
        float[][] means = new float[layers][];
        float[][] uMeans = new float[layers][];
        float[][] sds = new float[layers][];
        long n = data.size();
        for (int l = 0; l < layers; l++) {
            means[l] = new float[sum[l].length];
            for (int i = 0; i < sum[l].length; i++) means[l][i] = (float) (sum[l][i] / n);
            int units = chanSum[l].length;
            uMeans[l] = new float[units];
            sds[l] = new float[units];
            double count = (double) n * spatial[l];
            for (int u = 0; u < units; u++) {
                double mean = chanSum[l][u] / count;
                uMeans[l][u] = (float) mean;
                // population variance; the sums are in double so the subtraction is safe at these sizes
                sds[l][u] = (float) Math.sqrt(Math.max(0, chanSq[l][u] / count - mean * mean));
            }
        }
        return new ActivationStats(means, uMeans, sds);
    }

    private static void accumulate(float[] a, int batch, double[] sum, double[] chanSum, double[] chanSq, int spatial) {
        int per = sum.length;
        for (int b = 0; b < batch; b++) {
            int off = b * per;
            for (int i = 0; i < per; i++) {
                double v = a[off + i];
                sum[i] += v;
                int u = i / spatial;
                chanSum[u] += v;
                chanSq[u] += v * v;
            }
        }
    }

    /** Mean per element of layer {@code l}: length units (dense) or C*H*W (conv). */
    public float[] elementMeans(int l) {
        return elementMeans[l];
    }

    /** Mean per unit (channel) of layer {@code l}. */
    public float[] unitMeans(int l) {
        return unitMeans[l];
    }

    /** SD per unit of layer {@code l} as an array that broadcasts over activations: (1, U) or (1, C, 1, 1). */
    public NDArray unitSds(NDManager m, ModelConfig c, int l) {
        float[] sd = unitSds[l];
        return m.create(sd, c.conv() ? new ai.djl.ndarray.types.Shape(1, sd.length, 1, 1) : new ai.djl.ndarray.types.Shape(1, sd.length));
    }

    /** SD per unit (channel) of layer {@code l}. */
    public float[] unitSds(int l) {
        return unitSds[l];
    }
}
