package dev.reliance.probe;

import ai.djl.ndarray.NDManager;
import dev.reliance.data.Dataset;
import dev.reliance.model.Inference;
import dev.reliance.model.Logits;
import dev.reliance.model.ProbedNetwork;

/**
 * The plain approach: for every ablation state, install masks in the probes and run the whole
 * network over the data. Slow, obviously right: the reference every fast path is tested
 * against, and the baseline of the benchmark.
 */
public final class ReferenceAblation {
    private ReferenceAblation() {}

    public static AblationResult run(ProbedNetwork net, NDManager manager, AblationPlan plan, ActivationStats stats, Dataset data) {
        int k = data.numClasses();
        AblationResult result = new AblationResult(plan.orderings().size(), plan.counts().length, k);
        for (int label : data.labels()) result.addExample(label);
        try {
            for (int o = 0; o < plan.orderings().size(); o++) {
                for (int s = 0; s < plan.counts().length; s++) {
                    try (NDManager m = manager.newSubManager()) {
                        AblationState.of(net.config(), plan.units(), plan.orderings().get(o), plan.counts()[s], plan.mode().amount())
                                .install(net, m, plan.mode(), stats);
                        for (int from = 0; from < data.size(); from += Inference.BATCH) {
                            int to = Math.min(data.size(), from + Inference.BATCH);
                            float[] logits = Inference.logits(net, m, data, from, to);
                            for (int i = 0; i < to - from; i++) {
                                int label = data.labels()[from + i];
                                result.record(o, s, label, Logits.crossEntropy(logits, i, k, label), Logits.argmax(logits, i, k) == label);
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
}
