package dev.reliance.metrics;

import java.util.Arrays;

/**
 * Plug-in mutual information I(T; C) in bits between a unit's discretised activation T and
 * the class C (SCIENCE.md, "Mutual information"), with the entropy H(T) of the binned
 * activation.
 *
 * <p>I = sum_{t,c} p(t,c) log2(p(t,c) / (p(t) p(c))) with empirical probabilities, which
 * equals H(T) - H(T|C) and lies in [0, min(H(T), log2 K)]. Rounding can push it a hair below
 * 0; it is clamped to 0. The plug-in estimate is biased upwards for few examples per bin.
 *
 * @param mutualInformation I(T; C) in bits
 * @param entropy H(T) in bits
 */
public record MutualInformation(double mutualInformation, double entropy) {

    public static final int DEFAULT_BINS = 32;

    /** How activations are cut into bins. */
    public enum Binning {
        /**
         * Bins of (about) equal counts. A value's bin is floor(B * r / n), where r is the number
         * of values strictly smaller than it (its 0-based rank of first occurrence). Hence equal
         * values always share a bin, bins are ordered by value, and without ties each bin holds
         * n/B values (+-1). Ties push later values up, so fewer than B bins may be occupied;
         * a constant unit occupies one bin.
         */
        EQUAL_FREQUENCY,
        /**
         * B bins of equal width between the minimum and the maximum; the maximum falls in the
         * last bin. A constant unit occupies one bin.
         */
        EQUAL_WIDTH
    }

    /** MI with the defaults: 32 equal-frequency bins. */
    public static MutualInformation of(double[] activations, int[] labels, int classes) {
        return of(activations, labels, classes, DEFAULT_BINS, Binning.EQUAL_FREQUENCY);
    }

    /**
     * @param activations one finite value per example (conv maps averaged over space)
     * @param labels class per example, in [0, classes)
     */
    public static MutualInformation of(
            double[] activations, int[] labels, int classes, int bins, Binning binning) {
        Checks.sameLength(activations.length, labels.length, "activations", "labels");
        int[] t = binning == Binning.EQUAL_FREQUENCY
                ? equalFrequencyBins(activations, bins)
                : equalWidthBins(activations, bins);
        return fromBins(t, bins, labels, classes);
    }

    /** Bin index of each value, equal-frequency (see {@link Binning#EQUAL_FREQUENCY}). */
    public static int[] equalFrequencyBins(double[] values, int bins) {
        checkBinning(values, bins);
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        int[] out = new int[n];
        int firstOfTie = 0;
        for (int i = 0; i < n; i++) {
            // Numeric !=, so -0.0 and 0.0 (adjacent after the sort) count as a tie.
            if (i > 0 && values[order[i]] != values[order[i - 1]]) {
                firstOfTie = i;
            }
            out[order[i]] = (int) ((long) bins * firstOfTie / n);
        }
        return out;
    }

    /** Bin index of each value, equal-width between min and max. */
    public static int[] equalWidthBins(double[] values, int bins) {
        checkBinning(values, bins);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double width = max - min;
        int[] out = new int[values.length];
        if (width == 0) {
            return out; // constant: everything in bin 0
        }
        for (int i = 0; i < values.length; i++) {
            int b = (int) Math.floor((values[i] - min) / width * bins);
            out[i] = Math.min(Math.max(b, 0), bins - 1);
        }
        return out;
    }

    /** Plug-in MI and H(T) from already binned activations t[i] in [0, bins). */
    public static MutualInformation fromBins(int[] t, int bins, int[] labels, int classes) {
        Checks.sameLength(t.length, labels.length, "bins", "labels");
        Checks.labels(labels, classes);
        if (t.length == 0) {
            throw new IllegalArgumentException("need at least one example");
        }
        long[][] joint = new long[bins][classes];
        long[] tCounts = new long[bins];
        long[] cCounts = new long[classes];
        for (int i = 0; i < t.length; i++) {
            if (t[i] < 0 || t[i] >= bins) {
                throw new IllegalArgumentException("bin " + t[i] + " is outside [0, " + bins + ")");
            }
            joint[t[i]][labels[i]]++;
            tCounts[t[i]]++;
            cCounts[labels[i]]++;
        }
        double n = t.length;
        double mi = 0;
        for (int b = 0; b < bins; b++) {
            for (int c = 0; c < classes; c++) {
                long ntc = joint[b][c];
                if (ntc > 0) {
                    mi += ntc / n * log2(ntc * n / ((double) tCounts[b] * cCounts[c]));
                }
            }
        }
        return new MutualInformation(Math.max(0, mi), entropyBits(tCounts));
    }

    /** Entropy in bits of the empirical distribution given by counts. */
    public static double entropyBits(long[] counts) {
        double n = 0;
        for (long c : counts) {
            n += c;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = c / n;
                h -= p * log2(p);
            }
        }
        return Math.max(0, h);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static void checkBinning(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be positive, got " + bins);
        }
        Checks.notEmpty(values, "activations");
        Checks.finite(values, "activations");
    }
}
