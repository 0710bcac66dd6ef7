package dev.reliance.probe;

/** Scores unit-major logits (K x E) of a block against its labels into an {@link AblationResult}. */
final class BlockScoring {
    private BlockScoring() {}

    static void record(AblationResult r, int ordering, int step, float[] logits, int[] labels, int e, int k) {
        for (int i = 0; i < e; i++) {
            double max = Double.NEGATIVE_INFINITY;
            int best = 0;
            for (int c = 0; c < k; c++) {
                float v = logits[c * e + i];
                if (v > max) {
                    max = v;
                    best = c;
                }
            }
            double sum = 0;
            for (int c = 0; c < k; c++) sum += Math.exp(logits[c * e + i] - max);
            int label = labels[i];
            r.record(ordering, step, label, max + Math.log(sum) - logits[label * e + i], best == label);
        }
    }
}
