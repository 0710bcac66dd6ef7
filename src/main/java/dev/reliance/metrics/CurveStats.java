package dev.reliance.metrics;

/**
 * Per-step mean and sample SD (n - 1 denominator; 0 with a single ordering) of accuracy curves
 * over orderings or repeats.
 *
 * @param mean mean accuracy per step
 * @param sd sample standard deviation per step
 * @param curves number of curves (orderings) averaged
 */
public record CurveStats(double[] mean, double[] sd, int curves) {

    /** @param accuracy [orderings][steps], rectangular, at least one ordering and one step */
    public static CurveStats of(double[][] accuracy) {
        if (accuracy == null || accuracy.length == 0) {
            throw new IllegalArgumentException("need at least one curve");
        }
        int steps = accuracy[0].length;
        if (steps == 0) {
            throw new IllegalArgumentException("curves must have at least one step");
        }
        for (int o = 1; o < accuracy.length; o++) {
            Checks.sameLength(steps, accuracy[o].length, "curve 0", "curve " + o);
        }
        int n = accuracy.length;
        double[] mean = new double[steps];
        double[] sd = new double[steps];
        for (int s = 0; s < steps; s++) {
            double sum = 0;
            for (double[] curve : accuracy) {
                sum += curve[s];
            }
            mean[s] = sum / n;
            if (n > 1) {
                double ss = 0; // two-pass: no cancellation when the SD is tiny
                for (double[] curve : accuracy) {
                    double d = curve[s] - mean[s];
                    ss += d * d;
                }
                sd[s] = Math.sqrt(ss / (n - 1));
            }
        }
        return new CurveStats(mean, sd, n);
    }
}
