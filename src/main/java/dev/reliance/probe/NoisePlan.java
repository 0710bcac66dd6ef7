package dev.reliance.probe;

import dev.reliance.util.UserException;

/**
 * A noise-perturbation experiment: at each scale s, add zero-mean Gaussian noise to every unit
 * of the set's layers, {@code x + m(s) * sd_u * eps}, with m(s) = s (mode "sd", default) or
 * sqrt(s) (mode "variance": noise variance = s * var_u). Each repeat draws fresh noise per
 * example and unit; within a repeat the same eps serves every scale (common random numbers:
 * each scale's distribution is exact, and the curve is smoother).
 */
public record NoisePlan(UnitSet units, double[] scales, int repeats, boolean varianceMode, long seed) {
    public NoisePlan {
        if (scales.length < 2) throw new UserException("--noise-scales: need at least 2 scales");
        for (int i = 0; i < scales.length; i++) {
            if (!(scales[i] > 0) || (i > 0 && scales[i] <= scales[i - 1])) {
                throw new UserException("--noise-scales: scales must be positive and increasing");
            }
        }
        if (repeats <= 0) throw new UserException("--noise-repeats: must be positive, got " + repeats);
    }

    /** {@code n} log-spaced values from 10^lo to 10^hi. */
    public static double[] logSpaced(double lo, double hi, int n) {
        if (n < 2) throw new UserException("--noise-points: need at least 2, got " + n);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = Math.pow(10, lo + (hi - lo) * i / (n - 1));
        return s;
    }

    public float multiplier(int scale) {
        return (float) (varianceMode ? Math.sqrt(scales[scale]) : scales[scale]);
    }
}
