package dev.reliance.data;

import dev.reliance.util.UserException;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded random subsets of a data set (--train-size, --test-size). java.util.Random is used
 * because its algorithm is fixed by its specification, so a seed gives the same subset on
 * every JVM and platform.
 */
public final class Subsets {
    private Subsets() {}

    /** {@code k} distinct indices of 0..n-1, chosen uniformly with {@code seed}, sorted ascending. */
    public static int[] seededSubset(int n, int k, long seed) {
        if (n < 0 || k < 0 || k > n) throw new IllegalArgumentException("cannot choose " + k + " of " + n);
        int[] chosen = partialShuffle(n, k, new Random(seed));
        Arrays.sort(chosen);
        return chosen;
    }

    /** The first k entries of a seeded Fisher-Yates shuffle of 0..n-1 (unsorted). */
    static int[] partialShuffle(int n, int k, Random rnd) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return Arrays.copyOf(idx, k);
    }

    /**
     * Like {@link #seededSubset(int, int, long)} for a user-given size: {@code option} names the
     * CLI option (e.g. "--train-size") in the one-line error for a size out of 1..n.
     */
    public static int[] seededSubset(int n, int k, long seed, String option) {
        if (k <= 0) throw new UserException(option + " " + k + ": must be a positive number of examples");
        if (k > n) throw new UserException(option + " " + k + ": larger than the " + n + " examples available");
        return seededSubset(n, k, seed);
    }
}
