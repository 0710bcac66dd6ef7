package dev.reliance.experiment;

import dev.reliance.util.UserException;

/**
 * What {@code reliance analyze} measures and how. Defaults follow SCIENCE.md: zero ablation,
 * all hidden layers pooled (MLP) or the last 3 conv layers (CNN), 10 random orderings, every
 * unit count, the training set with its trained labels; noise at 20 log-spaced scales x 10
 * repeats; MI with 32 equal-frequency bins. {@code gridPoints} 0 means every count;
 * {@code examples} 0 means the whole evaluation set; empty {@code layers} means the default set.
 */
public record AnalysisConfig(
        String mode,
        double amount,
        int[] layers,
        int lastConvLayers,
        int orderings,
        int gridPoints,
        String evalSet,
        int examples,
        boolean noise,
        int noisePoints,
        double noiseMinLog10,
        double noiseMaxLog10,
        int noiseRepeats,
        boolean noiseVariance,
        boolean importance,
        int miBins,
        String miBinning,
        long seed,
        int threads) {

    public static AnalysisConfig defaults() {
        return new AnalysisConfig("zero", 1.0, new int[0], 3, 10, 0, "train", 0, true, 20, Double.NaN, Double.NaN, 10, false,
                true, 32, "equal-frequency", 1L, 0);
    }

    public AnalysisConfig validate() {
        if (!mode.equals("zero") && !mode.equals("mean") && !mode.equals("partial")) fail("--mode", "must be zero, mean or partial, got '" + mode + "'");
        if (!(amount > 0 && amount <= 1)) fail("--amount", "must be in (0, 1], got " + amount);
        if (lastConvLayers <= 0) fail("--last-conv", "must be positive, got " + lastConvLayers);
        if (orderings <= 0) fail("--orderings", "must be positive, got " + orderings);
        if (gridPoints == 1 || gridPoints < 0) fail("--grid", "must be 0 (every count) or at least 2, got " + gridPoints);
        if (!evalSet.equals("train") && !evalSet.equals("test")) fail("--on", "must be train or test, got '" + evalSet + "'");
        if (examples < 0) fail("--examples", "must be positive, got " + examples);
        if (noisePoints < 2) fail("--noise-points", "must be at least 2, got " + noisePoints);
        if (noiseRepeats <= 0) fail("--noise-repeats", "must be positive, got " + noiseRepeats);
        if (!Double.isNaN(noiseMinLog10) && !Double.isNaN(noiseMaxLog10) && !(noiseMinLog10 < noiseMaxLog10)) {
            fail("--noise-range", "low end must be below high end");
        }
        if (miBins < 2) fail("--mi-bins", "must be at least 2, got " + miBins);
        if (!miBinning.equals("equal-frequency") && !miBinning.equals("equal-width")) fail("--mi-binning", "must be equal-frequency or equal-width");
        if (threads < 0) fail("--threads", "must be >= 0");
        return this;
    }

    private static void fail(String option, String why) {
        throw new UserException(option + ": " + why);
    }

    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Noise scale range in log10: 10^-1.5..10^1 for MLPs, 10^-1..10^0 for CNNs, unless set. */
    public double[] noiseRange(boolean conv) {
        double lo = Double.isNaN(noiseMinLog10) ? (conv ? -1 : -1.5) : noiseMinLog10;
        double hi = Double.isNaN(noiseMaxLog10) ? (conv ? 0 : 1) : noiseMaxLog10;
        return new double[] {lo, hi};
    }
}
