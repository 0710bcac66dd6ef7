package dev.reliance.metrics;

/**
 * Areas under accuracy curves (SCIENCE.md, "Cumulative ablation" and "Noise perturbation").
 *
 * <p>All areas use the trapezoid rule. Ablation curves live on x = fraction of units ablated
 * in [0, 1]; noise curves on the normalised log scale x_i = (log10 s_i - log10 s_0) /
 * (log10 s_last - log10 s_0), which also spans [0, 1]. Both are computed on the mean curve
 * over orderings or repeats (see {@link CurveStats}).
 *
 * <p>Undefined normalisations (dividing by an intact accuracy of 0, or by a set whose largest
 * AUC is not positive) give NaN rather than an exception: they describe a degenerate network,
 * not a programming error.
 */
public final class Auc {
    private Auc() {}

    /** How an AUC is made comparable across networks. */
    public enum Normalization {
        /** The raw area (default). */
        NONE,
        /** Divided by the curve's first point, the intact accuracy (requires x[0] == 0). */
        INTACT,
        /** Divided by the largest AUC of a compared set: see {@link #normalizeByMax}. */
        MAX_IN_SET
    }

    /**
     * Trapezoid-rule area under y(x).
     *
     * @param x non-decreasing, finite abscissae (equal neighbours add zero width)
     * @param y finite ordinates, same length as x (at least one point; one point has area 0)
     */
    public static double trapezoid(double[] x, double[] y) {
        Checks.notEmpty(x, "x");
        Checks.sameLength(x.length, y.length, "x", "y");
        Checks.finite(x, "x");
        Checks.finite(y, "y");
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            double dx = x[i] - x[i - 1];
            if (dx < 0) {
                throw new IllegalArgumentException(
                        "x must be non-decreasing, but x[" + i + "] = " + x[i]
                                + " < x[" + (i - 1) + "] = " + x[i - 1]);
            }
            area += dx * (y[i] + y[i - 1]) / 2;
        }
        return area;
    }

    /** x = unitsAblated[i] / totalUnits, the fraction of units ablated at each step. */
    public static double[] ablationFractions(int[] unitsAblated, int totalUnits) {
        if (totalUnits <= 0) {
            throw new IllegalArgumentException("totalUnits must be positive, got " + totalUnits);
        }
        double[] x = new double[unitsAblated.length];
        for (int i = 0; i < x.length; i++) {
            if (unitsAblated[i] < 0 || unitsAblated[i] > totalUnits) {
                throw new IllegalArgumentException("unitsAblated[" + i + "] = " + unitsAblated[i]
                        + " is outside [0, " + totalUnits + "]");
            }
            x[i] = (double) unitsAblated[i] / totalUnits;
        }
        return x;
    }

    /**
     * Ablation AUC of a mean accuracy curve over x = fraction ablated in [0, 1].
     *
     * @param normalization NONE or INTACT; MAX_IN_SET needs a set, so use
     *     {@link #normalizeByMax} on the raw AUCs instead
     */
    public static double ablationAuc(
            double[] fractionAblated, double[] meanAccuracy, Normalization normalization) {
        Checks.notEmpty(fractionAblated, "fractionAblated");
        for (int i = 0; i < fractionAblated.length; i++) {
            double f = fractionAblated[i];
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException(
                        "fractionAblated[" + i + "] = " + f + " is outside [0, 1]");
            }
        }
        return normalized(fractionAblated, meanAccuracy, normalization);
    }

    /**
     * Normalised log-scale x for noise curves: x_i = (log10 s_i - log10 s_0) /
     * (log10 s_last - log10 s_0). Scales must be positive and strictly increasing (at least 2).
     */
    public static double[] noiseFractions(double[] scales) {
        if (scales == null || scales.length < 2) {
            throw new IllegalArgumentException("need at least 2 noise scales");
        }
        Checks.finite(scales, "scales");
        for (int i = 0; i < scales.length; i++) {
            if (scales[i] <= 0) {
                throw new IllegalArgumentException("scales[" + i + "] = " + scales[i] + " is not positive");
            }
            if (i > 0 && scales[i] <= scales[i - 1]) {
                throw new IllegalArgumentException("scales must be strictly increasing at index " + i);
            }
        }
        double first = Math.log10(scales[0]);
        double span = Math.log10(scales[scales.length - 1]) - first;
        double[] x = new double[scales.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (Math.log10(scales[i]) - first) / span;
        }
        x[x.length - 1] = 1.0; // exact end point despite rounding
        return x;
    }

    /**
     * Noise AUC of a mean accuracy curve over the normalised log-scale x of {@code scales}.
     *
     * @param normalization NONE or INTACT (INTACT divides by the accuracy at the smallest
     *     scale, the curve's first point); MAX_IN_SET: use {@link #normalizeByMax}
     */
    public static double noiseAuc(double[] scales, double[] meanAccuracy, Normalization normalization) {
        double[] x = noiseFractions(scales);
        return normalized(x, meanAccuracy, normalization, false);
    }

    /**
     * Divides each AUC by the largest AUC of the set (MAX_IN_SET). NaN entries are ignored when
     * finding the maximum and stay NaN; if no entry is a positive number, every entry is NaN.
     */
    public static double[] normalizeByMax(double[] aucs) {
        double max = Double.NEGATIVE_INFINITY;
        for (double a : aucs) {
            if (!Double.isNaN(a)) {
                max = Math.max(max, a);
            }
        }
        double[] out = new double[aucs.length];
        for (int i = 0; i < aucs.length; i++) {
            out[i] = max > 0 && Double.isFinite(max) ? aucs[i] / max : Double.NaN;
        }
        return out;
    }

    private static double normalized(double[] x, double[] y, Normalization normalization) {
        return normalized(x, y, normalization, true);
    }

    private static double normalized(double[] x, double[] y, Normalization normalization,
            boolean requireStartAtZero) {
        double area = trapezoid(x, y);
        switch (normalization) {
            case NONE:
                return area;
            case INTACT:
                // The first point is the intact accuracy only if nothing is perturbed there.
                if (requireStartAtZero && x[0] != 0) {
                    throw new IllegalArgumentException(
                            "INTACT normalisation needs the curve to start at x = 0, got " + x[0]);
                }
                return y[0] == 0 ? Double.NaN : area / y[0];
            case MAX_IN_SET:
                throw new IllegalArgumentException(
                        "MAX_IN_SET applies across a set of AUCs: compute raw AUCs, then normalizeByMax");
            default:
                throw new AssertionError(normalization);
        }
    }
}
