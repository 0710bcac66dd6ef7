package dev.reliance.experiment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.reliance.data.Dataset;
import dev.reliance.metrics.ClassMeanAccumulator;
import dev.reliance.metrics.MutualInformation;
import dev.reliance.metrics.Selectivity;
import dev.reliance.model.Batches;
import dev.reliance.model.ModelConfig;
import dev.reliance.model.ProbedNetwork;
import dev.reliance.probe.UnitSet;
import java.util.List;

/**
 * Class selectivity and mutual information of every unit of a set, from its activation on a
 * labelled set (the test set, per SCIENCE.md), conv maps first averaged over space.
 */
public final class UnitTuning {
    /** Per unit of the set, in unit-set order. */
    public record Result(Selectivity[] selectivity, MutualInformation[] information) {}

    private UnitTuning() {}

    public static Result measure(ProbedNetwork net, NDManager manager, UnitSet set, Dataset data, int bins,
            MutualInformation.Binning binning) {
        ModelConfig c = net.config();
        int[] layers = set.layers();
        int last = layers[layers.length - 1];
        double[][][] acts = new double[layers.length][][]; // [layer][unit][example]
        ClassMeanAccumulator[] means = new ClassMeanAccumulator[layers.length];
        for (int i = 0; i < layers.length; i++) {
            int units = c.layers().get(layers[i]).width();
            acts[i] = new double[units][data.size()];
            means[i] = new ClassMeanAccumulator(units, data.numClasses());
        }
        net.clearProbes();
        for (int from = 0; from < data.size(); from += 1000) {
            int to = Math.min(data.size(), from + 1000);
            try (NDManager m = manager.newSubManager()) {
                List<NDArray> all = net.activationsUpTo(new ParameterStore(m, false), Batches.inputs(m, data, from, to), last);
                for (int i = 0; i < layers.length; i++) {
                    NDArray a = all.get(layers[i]);
                    if (c.conv()) a = a.reshape(a.getShape().get(0), a.getShape().get(1), -1).mean(new int[] {2});
                    float[] flat = a.toFloatArray();
                    int units = acts[i].length;
                    means[i].addBatch(flat, java.util.Arrays.copyOfRange(data.labels(), from, to));
                    for (int e = 0; e < to - from; e++) for (int u = 0; u < units; u++) acts[i][u][from + e] = flat[e * units + u];
                }
            }
        }
        Selectivity[] si = new Selectivity[set.size()];
        MutualInformation[] mi = new MutualInformation[set.size()];
        int pos = 0;
        for (int i = 0; i < layers.length; i++) {
            Selectivity[] s = means[i].selectivities();
            for (int u = 0; u < s.length; u++, pos++) {
                si[pos] = s[u];
                mi[pos] = MutualInformation.of(acts[i][u], data.labels(), data.numClasses(), bins, binning);
            }
        }
        return new Result(si, mi);
    }
}
