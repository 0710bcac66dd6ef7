package dev.reliance.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How well a score (for example the ablation AUC) picks good models (paper Fig. 4c).
 *
 * <p>Definition: repeat R times: draw m distinct models uniformly at random (seeded
 * {@link java.util.Random}, partial Fisher-Yates shuffle); pick the model with the highest
 * score in the subset (score ties go to the model drawn first, which is a uniformly random
 * choice among the tied); its rank by test accuracy within the subset is 1 + the number of
 * subset models with strictly higher test accuracy (so accuracy ties favour the pick). A hit
 * at k means rank <= k. The hit rate is hits / R. A uniformly random pick is a hit at k with
 * probability min(k, m) / m (without accuracy ties), the chance level. Models whose score or
 * accuracy is NaN must be removed by the caller.
 *
 * @param subsetSize m
 * @param repeats R
 * @param topK one entry per k asked for
 */
public record ModelSelection(int subsetSize, int repeats, List<TopK> topK) {

    /** Hit rate of the best-scored model being in the top k by test accuracy, and chance. */
    public record TopK(int k, double hitRate, double chance) {}

    public static final int[] DEFAULT_KS = {1, 5, 10};

    /** Top 1, 5 and 10. */
    public static ModelSelection evaluate(
            double[] scores, double[] testAccuracy, int subsetSize, int repeats, long seed) {
        return evaluate(scores, testAccuracy, subsetSize, repeats, seed, DEFAULT_KS);
    }

    public static ModelSelection evaluate(double[] scores, double[] testAccuracy,
            int subsetSize, int repeats, long seed, int[] ks) {
        Checks.sameLength(scores.length, testAccuracy.length, "scores", "testAccuracy");
        int models = scores.length;
        for (int i = 0; i < models; i++) {
            if (Double.isNaN(scores[i]) || Double.isNaN(testAccuracy[i])) {
                throw new IllegalArgumentException("model " + i + " has a NaN score or accuracy");
            }
        }
        if (subsetSize < 1 || subsetSize > models) {
            throw new IllegalArgumentException(
                    "subset size must be in [1, " + models + "], got " + subsetSize);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be positive, got " + repeats);
        }
        for (int k : ks) {
            if (k < 1) {
                throw new IllegalArgumentException("k must be positive, got " + k);
            }
        }
        Random random = new Random(seed);
        int[] pool = new int[models];
        long[] hits = new long[ks.length];
        for (int r = 0; r < repeats; r++) {
            for (int i = 0; i < models; i++) {
                pool[i] = i; // restart from identity so each draw depends only on the stream
            }
            for (int i = 0; i < subsetSize; i++) {
                int j = i + random.nextInt(models - i);
                int tmp = pool[i];
                pool[i] = pool[j];
                pool[j] = tmp;
            }
            int picked = pool[0];
            for (int i = 1; i < subsetSize; i++) {
                if (scores[pool[i]] > scores[picked]) {
                    picked = pool[i];
                }
            }
            int rank = 1;
            for (int i = 0; i < subsetSize; i++) {
                if (testAccuracy[pool[i]] > testAccuracy[picked]) {
                    rank++;
                }
            }
            for (int q = 0; q < ks.length; q++) {
                if (rank <= ks[q]) {
                    hits[q]++;
                }
            }
        }
        List<TopK> topK = new ArrayList<>();
        for (int q = 0; q < ks.length; q++) {
            topK.add(new TopK(ks[q], (double) hits[q] / repeats, chance(ks[q], subsetSize)));
        }
        return new ModelSelection(subsetSize, repeats, List.copyOf(topK));
    }

    /** Probability that a uniformly random pick from m models is in the top k: min(k, m) / m. */
    public static double chance(int k, int subsetSize) {
        return (double) Math.min(k, subsetSize) / subsetSize;
    }
}
