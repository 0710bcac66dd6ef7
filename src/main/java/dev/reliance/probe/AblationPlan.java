package dev.reliance.probe;

import java.util.List;

/**
 * A cumulative ablation experiment: for each ordering (a permutation of positions in the
 * unit set, or any prefix-ordered list of them), ablate its first {@code counts[s]} units and
 * evaluate, for every s. Counts are non-decreasing and start anywhere from 0.
 */
public record AblationPlan(UnitSet units, List<int[]> orderings, int[] counts, AblationMode mode) {
    public AblationPlan {
        for (int[] o : orderings) {
            if (counts.length > 0 && counts[counts.length - 1] > o.length) {
                throw new IllegalArgumentException("count " + counts[counts.length - 1] + " exceeds ordering length " + o.length);
            }
        }
        for (int s = 1; s < counts.length; s++) {
            if (counts[s] < counts[s - 1]) throw new IllegalArgumentException("counts must not decrease");
        }
    }

    /** Every count 0..n (the exact curve). */
    public static int[] everyCount(int n) {
        int[] c = new int[n + 1];
        for (int i = 0; i <= n; i++) c[i] = i;
        return c;
    }

    /** {@code points} evenly spaced counts from 0 to n inclusive (duplicates removed). */
    public static int[] grid(int n, int points) {
        if (points < 2) throw new IllegalArgumentException("a grid needs at least 2 points");
        return java.util.stream.IntStream.range(0, points)
                .map(i -> (int) Math.round((double) i * n / (points - 1))).distinct().toArray();
    }
}
