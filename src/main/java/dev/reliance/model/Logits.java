package dev.reliance.model;

/** Cross-entropy and correctness of rows of logits, in double precision for stable sums. */
public final class Logits {
    private Logits() {}

    /** -log softmax(logits)[label] of row {@code row} of a row-major (rows x k) matrix. */
    public static double crossEntropy(float[] logits, int row, int k, int label) {
        int off = row * k;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) max = Math.max(max, logits[off + c]);
        double sum = 0;
        for (int c = 0; c < k; c++) sum += Math.exp(logits[off + c] - max);
        return max + Math.log(sum) - logits[off + label];
    }

    /** Index of the largest logit; ties go to the lowest index (as argmax does). */
    public static int argmax(float[] logits, int row, int k) {
        int off = row * k;
        int best = 0;
        for (int c = 1; c < k; c++) if (logits[off + c] > logits[off + best]) best = c;
        return best;
    }
}
