package dev.reliance.metrics;

/**
 * Turning points of training-dynamics series (paper Fig. 4a-b), indexed by checkpoint: map an
 * index to its epoch with the caller's epoch list. Series are first smoothed with a centred
 * moving average of odd width w (default 3) so that one noisy checkpoint does not decide.
 */
public final class Breakpoints {
    private Breakpoints() {}

    public static final int DEFAULT_WINDOW = 3;

    /**
     * Centred moving average of odd width; near the ends the window shrinks symmetrically
     * (the first and last points stay as they are), so that edges are not biased towards
     * the interior.
     */
    public static double[] movingAverage(double[] series, int window) {
        if (window < 1 || window % 2 == 0) {
            throw new IllegalArgumentException("window must be odd and positive, got " + window);
        }
        Checks.notEmpty(series, "series");
        Checks.finite(series, "series");
        int n = series.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int half = Math.min(window / 2, Math.min(i, n - 1 - i));
            double sum = 0;
            for (int j = i - half; j <= i + half; j++) {
                sum += series[j];
            }
            out[i] = sum / (2 * half + 1);
        }
        return out;
    }

    /**
     * Index at which a series (e.g. the ablation AUC per checkpoint) begins to fall: the last
     * index where the smoothed series attains its maximum, so that every later smoothed value
     * is strictly below the maximum. Equals the last index if the series never falls.
     */
    public static int declineStart(double[] series, int window) {
        double[] s = movingAverage(series, window);
        int best = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i] >= s[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Index at which train and test loss diverge: the first index of the minimum of the
     * smoothed test loss, after which test loss rises (on memorising networks train loss
     * keeps falling there, so the train loss is not needed to locate the point). Equals the
     * last index if test loss never rises.
     */
    public static int lossDivergence(double[] testLoss, int window) {
        double[] s = movingAverage(testLoss, window);
        int best = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i] < s[best]) {
                best = i;
            }
        }
        return best;
    }
}
