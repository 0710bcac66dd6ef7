package dev.reliance.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.reliance.data.Dataset;
import dev.reliance.model.Batches;
import dev.reliance.model.Logits;
import dev.reliance.model.ModelConfig;
import dev.reliance.model.ProbeIntervention;
import dev.reliance.model.ProbedNetwork;
import java.util.function.LongConsumer;

/**
 * Noise curves for any network (CNNs in particular): the prefix before the first noisy probe
 * is computed once per batch, and only the suffix runs for each (repeat, scale). Within a
 * repeat the same eps serves every scale, as in {@link DenseNoise}.
 */
public final class SuffixNoise {
    private SuffixNoise() {}

    public static AblationResult run(ProbedNetwork net, NDManager manager, NoisePlan plan, ActivationStats stats,
            Dataset data, LongConsumer progress) {
        ModelConfig c = net.config();
        int first = plan.units().firstLayer();
        int k = data.numClasses();
        NoiseSource source = new NoiseSource(plan.seed());
        int batch = (int) Math.max(1, Math.min(512, SuffixAblation.BUDGET_FLOATS / SuffixAblation.suffixFloats(c, first)));
        AblationResult result = new AblationResult(plan.repeats(), plan.scales().length, k);
        for (int label : data.labels()) result.addExample(label);
        long done = 0;
        try {
            for (int from = 0; from < data.size(); from += batch) {
                int to = Math.min(data.size(), from + batch);
                try (NDManager m = manager.newSubManager()) {
                    net.clearProbes();
                    NDArray h = net.activationsBeforeProbe(new ParameterStore(m, false), Batches.inputs(m, data, from, to), first);
                    for (int r = 0; r < plan.repeats(); r++) {
                        try (NDManager rm = m.newSubManager()) {
                            NDArray[] noise = new NDArray[c.hiddenLayerCount()];
                            for (int l : plan.units().layers()) {
                                noise[l] = source.epsilon(rm, r, l, from, to, ReferenceNoise.perExample(c, l)).mul(stats.unitSds(rm, c, l));
                            }
                            for (int s = 0; s < plan.scales().length; s++) {
                                try (NDManager pass = rm.newSubManager()) {
                                    for (int l : plan.units().layers()) {
                                        NDArray n = noise[l].mul(plan.multiplier(s));
                                        n.attach(pass);
                                        net.probe(l).set(ProbeIntervention.add(n));
                                    }
                                    NDArray x = h.duplicate();
                                    x.attach(pass); // intermediates follow their input's manager: freed after this pass
                                    float[] logits = net.forwardFromProbe(new ParameterStore(pass, false), first, x).toFloatArray();
                                    for (int i = 0; i < to - from; i++) {
                                        int label = data.labels()[from + i];
                                        result.record(r, s, label, Logits.crossEntropy(logits, i, k, label), Logits.argmax(logits, i, k) == label);
                                    }
                                }
                            }
                        }
                        progress.accept(done += to - from);
                    }
                }
            }
        } finally {
            net.clearProbes();
        }
        return result;
    }
}
