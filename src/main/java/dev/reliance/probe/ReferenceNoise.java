package dev.reliance.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.reliance.data.Dataset;
import dev.reliance.model.Batches;
import dev.reliance.model.Logits;
import dev.reliance.model.ModelConfig;
import dev.reliance.model.ProbeIntervention;
import dev.reliance.model.ProbedNetwork;

/**
 * The plain approach to noise curves: a whole forward pass per (repeat, scale), with the noise
 * added in the probes. Draws the same eps as the fast paths (same {@link NoiseSource} calls),
 * so results agree to rounding.
 */
public final class ReferenceNoise {
    private ReferenceNoise() {}

    public static AblationResult run(ProbedNetwork net, NDManager manager, NoisePlan plan, ActivationStats stats, Dataset data) {
        ModelConfig c = net.config();
        NoiseSource source = new NoiseSource(plan.seed());
        int k = data.numClasses();
        AblationResult result = new AblationResult(plan.repeats(), plan.scales().length, k);
        for (int label : data.labels()) result.addExample(label);
        try {
            for (int from = 0; from < data.size(); from += Prefix.CHUNK) {
                int to = Math.min(data.size(), from + Prefix.CHUNK);
                for (int r = 0; r < plan.repeats(); r++) {
                    for (int s = 0; s < plan.scales().length; s++) {
                        try (NDManager m = manager.newSubManager()) {
                            for (int l : plan.units().layers()) {
                                NDArray eps = source.epsilon(m, r, l, from, to, perExample(c, l));
                                net.probe(l).set(ProbeIntervention.add(eps.mul(stats.unitSds(m, c, l)).mul(plan.multiplier(s))));
                            }
                            float[] logits = net.forward(new ParameterStore(m, false), new NDList(Batches.inputs(m, data, from, to)), false)
                                    .singletonOrThrow().toFloatArray();
                            for (int i = 0; i < to - from; i++) {
                                int label = data.labels()[from + i];
                                result.record(r, s, label, Logits.crossEntropy(logits, i, k, label), Logits.argmax(logits, i, k) == label);
                            }
                        }
                    }
                }
            }
        } finally {
            net.clearProbes();
        }
        return result;
    }

    /** Shape of one example's activation at hidden layer {@code l}. */
    static Shape perExample(ModelConfig c, int l) {
        int units = c.layers().get(l).width();
        if (!c.conv()) return new Shape(units);
        int[] hw = c.spatialSize(l);
        return new Shape(units, hw[0], hw[1]);
    }
}
