package dev.reliance.metrics;

/**
 * Streams activations of many units, example by example, and keeps only per-class sums, so
 * that selectivity can be computed without storing every activation. Sums are kept in double.
 * Not thread-safe.
 */
public final class ClassMeanAccumulator {
    private final int units;
    private final int classes;
    private final double[][] sums; // [class][unit]
    private final long[] counts; // examples per class
    private final boolean[] invalid; // a negative or non-finite activation was seen, per unit

    /** @param units U, the activations per example; @param classes K, at least 2 */
    public ClassMeanAccumulator(int units, int classes) {
        if (units <= 0) {
            throw new IllegalArgumentException("units must be positive, got " + units);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
        this.units = units;
        this.classes = classes;
        this.sums = new double[classes][units];
        this.counts = new long[classes];
        this.invalid = new boolean[units];
    }

    /** Adds one example: {@code activations} holds U values (spatially averaged for conv maps). */
    public void add(float[] activations, int label) {
        Checks.sameLength(activations.length, units, "activations", "units");
        addRow(activations, 0, label);
    }

    /**
     * Adds a batch stored row-major as [batch][U] in one flat array, as a tensor's
     * {@code toFloatArray()} gives it.
     */
    public void addBatch(float[] flat, int[] labels) {
        Checks.sameLength(flat.length, labels.length * units, "flat batch", "labels * units");
        for (int b = 0; b < labels.length; b++) {
            addRow(flat, b * units, labels[b]);
        }
    }

    private void addRow(float[] values, int offset, int label) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("label " + label + " is outside [0, " + classes + ")");
        }
        double[] row = sums[label];
        for (int u = 0; u < units; u++) {
            float a = values[offset + u];
            if (!(a >= 0) || Float.isInfinite(a)) {
                invalid[u] = true;
            }
            row[u] += a;
        }
        counts[label]++;
    }

    public int units() {
        return units;
    }

    public int classes() {
        return classes;
    }

    /** Examples seen for class k. */
    public long count(int k) {
        return counts[k];
    }

    /** Class-conditional mean activations of one unit; every class needs an example. */
    public double[] classMeans(int unit) {
        double[] unitSums = new double[classes];
        for (int k = 0; k < classes; k++) {
            unitSums[k] = sums[k][unit];
        }
        return Selectivity.means(unitSums, counts);
    }

    /**
     * Selectivity of every unit, in unit order, over the classes that occur in the data (a
     * label set with absent classes, e.g. a small subset, has K' < K class means; an absent
     * class has no mean to average).
     */
    public Selectivity[] selectivities() {
        int present = 0;
        for (long c : counts) if (c > 0) present++;
        Selectivity[] out = new Selectivity[units];
        for (int u = 0; u < units; u++) {
            double[] means = new double[present];
            for (int k = 0, i = 0; k < classes; k++) if (counts[k] > 0) means[i++] = sums[k][u] / counts[k];
            out[u] = present < 2 ? Selectivity.UNDEFINED : Selectivity.fromClassMeans(means, invalid[u]);
        }
        return out;
    }
}
