package dev.reliance.metrics;

import java.util.Arrays;

/**
 * Pearson and Spearman correlation with two-sided p-values from the t approximation with
 * n - 2 degrees of freedom, t = r sqrt((n - 2) / (1 - r^2)), as scipy.stats.pearsonr (exact
 * for Pearson under normality) and scipy.stats.spearmanr (an approximation) compute them.
 *
 * <p>Pairs in which either value is NaN are dropped before anything else; {@code n} counts the
 * pairs kept. With n < 3 or a constant variable the coefficient and p-value are NaN. Infinite
 * values are ranked normally by Spearman but make Pearson NaN.
 *
 * @param coefficient r or rho in [-1, 1], or NaN
 * @param pValue two-sided p-value, or NaN
 * @param n pairs used
 */
public record Correlation(double coefficient, double pValue, int n) {

    /** Pearson's r. */
    public static Correlation pearson(double[] x, double[] y) {
        double[][] kept = dropNaNPairs(x, y);
        return pearsonOfComplete(kept[0], kept[1]);
    }

    /** Spearman's rho: Pearson's r on average ranks (ties share the mean of their ranks). */
    public static Correlation spearman(double[] x, double[] y) {
        double[][] kept = dropNaNPairs(x, y);
        return pearsonOfComplete(ranks(kept[0]), ranks(kept[1]));
    }

    /** 1-based ranks; tied values get the average of the ranks they span. No NaN allowed. */
    public static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("cannot rank NaN at index " + i);
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start; // tie group is [start, end]; numeric == so -0.0 ties 0.0
            while (end + 1 < n && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double average = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) {
                ranks[order[i]] = average;
            }
            start = end + 1;
        }
        return ranks;
    }

    /** Two-sided p-value of a correlation r over n pairs: I_{1-r^2}((n-2)/2, 1/2). */
    public static double pValue(double r, int n) {
        if (n < 3 || Double.isNaN(r)) {
            return Double.NaN;
        }
        double rr = Math.min(1, r * r);
        // df / (df + t^2) simplifies to 1 - r^2; this form avoids an infinite t at |r| = 1.
        return SpecialFunctions.regularizedIncompleteBeta((n - 2) / 2.0, 0.5, 1 - rr);
    }

    private static Correlation pearsonOfComplete(double[] x, double[] y) {
        int n = x.length;
        if (n < 3) {
            return new Correlation(Double.NaN, Double.NaN, n);
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return new Correlation(Double.NaN, Double.NaN, n);
        }
        double r = sxy / Math.sqrt(sxx * syy);
        r = Math.max(-1, Math.min(1, r)); // rounding can overshoot by an ulp
        return new Correlation(r, pValue(r, n), n);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static double[][] dropNaNPairs(double[] x, double[] y) {
        Checks.sameLength(x.length, y.length, "x", "y");
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                kept++;
            }
        }
        double[] kx = new double[kept];
        double[] ky = new double[kept];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                kx[j] = x[i];
                ky[j] = y[i];
                j++;
            }
        }
        return new double[][] {kx, ky};
    }
}
