package dev.reliance.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Random;

/**
 * Label corruption as in Morcos et al. (SCIENCE.md): a seeded random subset of floor(f*N)
 * training examples has its labels permuted among themselves, by a seeded uniform random
 * permutation. The label histogram is unchanged; some labels land on themselves by chance,
 * so the expected share of changed labels is about f*(1 - sum_k p_k^2).
 */
public final class LabelCorruption {
    private LabelCorruption() {}

    /** A corrupted copy of {@code labels}; {@code fraction} must be in [0, 1]. */
    public static int[] corrupt(int[] labels, double fraction, long seed) {
        Random rnd = new Random(seed);
        int[] chosen = chosen(labels.length, fraction, rnd);
        Arrays.sort(chosen);
        int[] moved = new int[chosen.length];
        for (int i = 0; i < chosen.length; i++) moved[i] = labels[chosen[i]];
        for (int i = moved.length - 1; i > 0; i--) { // Fisher-Yates: uniform over all permutations
            int j = rnd.nextInt(i + 1);
            int t = moved[i];
            moved[i] = moved[j];
            moved[j] = t;
        }
        int[] out = labels.clone();
        for (int i = 0; i < chosen.length; i++) out[chosen[i]] = moved[i];
        return out;
    }

    /** The indices whose labels {@link #corrupt} permutes (same seed), sorted ascending. */
    public static int[] candidates(int n, double fraction, long seed) {
        int[] chosen = chosen(n, fraction, new Random(seed));
        Arrays.sort(chosen);
        return chosen;
    }

    /**
     * floor(f*N), computed in decimal from the shortest representation of f, so that e.g.
     * f=0.29, N=100 gives 29 (binary floating point would give 28.999... and floor to 28).
     */
    public static int candidateCount(int n, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("corruption fraction must be in [0, 1], got " + fraction);
        }
        return new BigDecimal(Double.toString(fraction)).multiply(BigDecimal.valueOf(n))
                .setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    private static int[] chosen(int n, double fraction, Random rnd) {
        return Subsets.partialShuffle(n, candidateCount(n, fraction), rnd);
    }
}
