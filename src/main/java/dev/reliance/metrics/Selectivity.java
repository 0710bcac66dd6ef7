package dev.reliance.metrics;

/**
 * Class selectivity index of one unit (SCIENCE.md, "Class selectivity index"):
 * SI = (mu_max - mu_-max) / (mu_max + mu_-max), where mu_max is the largest class-conditional
 * mean activation and mu_-max the mean of the other K - 1 class means.
 *
 * <ul>
 *   <li>A dead unit (all class means 0, so the denominator is 0) has SI = 0, {@code dead}.
 *   <li>If any activation is negative (or not finite) SI is undefined: {@code selectivity} is
 *       NaN and {@code defined} is false. It is never reported as a number.
 * </ul>
 *
 * @param selectivity SI in [0, 1], or NaN when undefined
 * @param defined false when a negative or non-finite activation makes SI meaningless
 * @param dead true when every class mean is 0 (then SI = 0)
 */
public record Selectivity(double selectivity, boolean defined, boolean dead) {

    public static final Selectivity UNDEFINED = new Selectivity(Double.NaN, false, false);

    /**
     * SI from per-example activations (conv maps already averaged over space).
     *
     * @param activations one value per example
     * @param labels class of each example, in [0, classes)
     * @param classes K, at least 2; every class needs at least one example
     */
    public static Selectivity of(double[] activations, int[] labels, int classes) {
        Checks.sameLength(activations.length, labels.length, "activations", "labels");
        Checks.labels(labels, classes);
        double[] sums = new double[classes];
        long[] counts = new long[classes];
        boolean invalid = false;
        for (int i = 0; i < activations.length; i++) {
            double a = activations[i];
            invalid |= !(a >= 0) || Double.isInfinite(a); // also catches NaN
            sums[labels[i]] += a;
            counts[labels[i]]++;
        }
        return fromClassMeans(means(sums, counts), invalid);
    }

    /**
     * SI from class means already computed.
     *
     * @param sawInvalidActivation true if any underlying activation was negative or not finite
     *     (a non-negative class mean can hide negative activations, so the caller must say)
     */
    public static Selectivity fromClassMeans(double[] classMeans, boolean sawInvalidActivation) {
        if (classMeans.length < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classMeans.length);
        }
        if (sawInvalidActivation) {
            return UNDEFINED;
        }
        int argmax = 0;
        for (int k = 0; k < classMeans.length; k++) {
            double m = classMeans[k];
            if (!(m >= 0) || Double.isInfinite(m)) {
                return UNDEFINED;
            }
            if (m > classMeans[argmax]) {
                argmax = k;
            }
        }
        double muMax = classMeans[argmax];
        double others = 0;
        for (int k = 0; k < classMeans.length; k++) {
            if (k != argmax) {
                others += classMeans[k];
            }
        }
        double muRest = others / (classMeans.length - 1);
        double denominator = muMax + muRest;
        if (denominator == 0) {
            return new Selectivity(0, true, true);
        }
        return new Selectivity((muMax - muRest) / denominator, true, false);
    }

    static double[] means(double[] sums, long[] counts) {
        double[] means = new double[sums.length];
        for (int k = 0; k < sums.length; k++) {
            if (counts[k] == 0) {
                // A missing class has no mean; silently dropping it would change K.
                throw new IllegalArgumentException("class " + k + " has no examples");
            }
            means[k] = sums[k] / counts[k];
        }
        return means;
    }
}
