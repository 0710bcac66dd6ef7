package dev.reliance.probe;

/**
 * Outcome of an ablation plan on one set of examples: for ordering o and count index s, the
 * summed cross-entropy and the number of correct predictions per true class.
 */
public final class AblationResult {
    private final int orderings;
    private final int steps;
    private final int classes;
    private final double[] lossSum;
    private final long[] correct;
    private final long[] classTotals;
    private long flops;

    public AblationResult(int orderings, int steps, int classes) {
        this.orderings = orderings;
        this.steps = steps;
        this.classes = classes;
        this.lossSum = new double[orderings * steps];
        this.correct = new long[orderings * steps * classes];
        this.classTotals = new long[classes];
    }

    public void addExample(int label) {
        classTotals[label]++;
    }

    public void record(int ordering, int step, int label, double loss, boolean isCorrect) {
        int i = ordering * steps + step;
        lossSum[i] += loss;
        if (isCorrect) correct[i * classes + label]++;
    }

    /** Adds another partial result (e.g. another block of examples) into this one. */
    public void merge(AblationResult o) {
        for (int i = 0; i < lossSum.length; i++) lossSum[i] += o.lossSum[i];
        for (int i = 0; i < correct.length; i++) correct[i] += o.correct[i];
        for (int i = 0; i < classes; i++) classTotals[i] += o.classTotals[i];
        flops += o.flops;
    }

    /** Counts floating-point operations done by a fast path (for the benchmark's GFLOP/s). */
    public void addFlops(long n) {
        flops += n;
    }

    public long flops() {
        return flops;
    }

    public int orderings() {
        return orderings;
    }

    public int steps() {
        return steps;
    }

    public int classes() {
        return classes;
    }

    public long examples() {
        long n = 0;
        for (long t : classTotals) n += t;
        return n;
    }

    public double accuracy(int ordering, int step) {
        long c = 0;
        int base = (ordering * steps + step) * classes;
        for (int k = 0; k < classes; k++) c += correct[base + k];
        return (double) c / examples();
    }

    public double loss(int ordering, int step) {
        return lossSum[ordering * steps + step] / examples();
    }

    /** Accuracy among examples whose true label is {@code label}; NaN if there are none. */
    public double classAccuracy(int ordering, int step, int label) {
        long total = classTotals[label];
        return total == 0 ? Double.NaN : (double) correct[(ordering * steps + step) * classes + label] / total;
    }

    /** accuracy[ordering][step]. */
    public double[][] accuracyMatrix() {
        double[][] a = new double[orderings][steps];
        for (int o = 0; o < orderings; o++) for (int s = 0; s < steps; s++) a[o][s] = accuracy(o, s);
        return a;
    }
}
