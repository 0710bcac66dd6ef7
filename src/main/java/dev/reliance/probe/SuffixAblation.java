package dev.reliance.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.reliance.data.Dataset;
import dev.reliance.model.Batches;
import dev.reliance.model.Logits;
import dev.reliance.model.ModelConfig;
import dev.reliance.model.ProbeIntervention;
import dev.reliance.model.ProbedNetwork;
import java.util.function.LongConsumer;

/**
 * Cumulative ablation for any network (CNNs in particular): the prefix up to the first
 * analysed probe is computed once per batch of examples; many ablation states are then
 * stacked along the batch axis (state-major) and the suffix runs once for all of them, so
 * PyTorch works on large tensors instead of one small forward pass per state.
 */
public final class SuffixAblation {
    /** Upper bound on floats of suffix activations held at once (about 1 GiB). */
    static final long BUDGET_FLOATS = 256L << 20;

    private SuffixAblation() {}

    public static AblationResult run(ProbedNetwork net, NDManager manager, AblationPlan plan, ActivationStats stats,
            Dataset data, LongConsumer examplesDone) {
        ModelConfig c = net.config();
        int first = plan.units().firstLayer();
        int k = data.numClasses();
        int states = plan.orderings().size() * plan.counts().length;
        long perExample = suffixFloats(c, first);
        int batch = (int) Math.max(1, Math.min(Math.min(data.size(), 512), BUDGET_FLOATS / perExample));
        int statesPerPass = (int) Math.max(1, Math.min(states, BUDGET_FLOATS / (perExample * batch)));
        AblationResult result = new AblationResult(plan.orderings().size(), plan.counts().length, k);
        for (int label : data.labels()) result.addExample(label);
        try {
            for (int from = 0; from < data.size(); from += batch) {
                int to = Math.min(data.size(), from + batch);
                int n = to - from;
                try (NDManager m = manager.newSubManager()) {
                    net.clearProbes();
                    ParameterStore ps = new ParameterStore(m, false);
                    NDArray h = net.activationsBeforeProbe(ps, Batches.inputs(m, data, from, to), first);
                    for (int s0 = 0; s0 < states; s0 += statesPerPass) {
                        int s1 = Math.min(states, s0 + statesPerPass);
                        try (NDManager pass = m.newSubManager()) {
                            install(net, pass, plan, stats, s0, s1, n);
                            long[] reps = new long[h.getShape().dimension()];
                            java.util.Arrays.fill(reps, 1);
                            reps[0] = s1 - s0;
                            NDArray tiled = h.tile(reps); // state-major: [state 0: examples..., state 1: ...]
                            tiled.attach(pass); // results of ops on it belong to its manager: freed after this pass
                            float[] logits = net.forwardFromProbe(new ParameterStore(pass, false), first, tiled).toFloatArray();
                            for (int st = s0; st < s1; st++) {
                                int o = st / plan.counts().length;
                                int step = st % plan.counts().length;
                                int row0 = (st - s0) * n;
                                for (int i = 0; i < n; i++) {
                                    int label = data.labels()[from + i];
                                    result.record(o, step, label, Logits.crossEntropy(logits, row0 + i, k, label),
                                            Logits.argmax(logits, row0 + i, k) == label);
                                }
                            }
                        }
                    }
                }
                examplesDone.accept(to);
            }
        } finally {
            net.clearProbes();
        }
        return result;
    }

    /** Per-layer masks for states [s0, s1), each repeated for the n examples of the batch. */
    private static void install(ProbedNetwork net, NDManager m, AblationPlan plan, ActivationStats stats, int s0, int s1, int n) {
        ModelConfig c = net.config();
        for (int l : plan.units().layers()) {
            int units = c.layers().get(l).width();
            float[] amounts = new float[(s1 - s0) * units];
            for (int st = s0; st < s1; st++) {
                AblationState state = AblationState.of(c, plan.units(), plan.orderings().get(st / plan.counts().length),
                        plan.counts()[st % plan.counts().length], plan.mode().amount());
                for (int u = 0; u < units; u++) amounts[(st - s0) * units + u] = state.amount(l, u);
            }
            NDArray a = m.create(amounts, new Shape(s1 - s0, units)).repeat(0, n);
            a = c.conv() ? a.reshape(a.getShape().get(0), units, 1, 1) : a;
            NDArray r = null;
            if (plan.mode().replacement() == AblationMode.Replacement.MEAN) {
                int[] hw = c.spatialSize(l);
                r = m.create(stats.elementMeans(l), c.conv() ? new Shape(1, units, hw[0], hw[1]) : new Shape(1, units));
            }
            net.probe(l).set(ProbeIntervention.ablate(a, r));
        }
    }

    /** Floats of activation per example from probe {@code first} to the head, a proxy for memory per row. */
    static long suffixFloats(ModelConfig c, int first) {
        long f = 0;
        for (int l = first; l < c.hiddenLayerCount(); l++) {
            int[] hw = c.spatialSize(l);
            f += (long) c.layers().get(l).width() * hw[0] * hw[1];
        }
        return Math.max(1, 4 * f); // activations, masks, temporaries
    }
}
