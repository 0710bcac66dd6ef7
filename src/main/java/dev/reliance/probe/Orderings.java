package dev.reliance.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random orderings of a unit set (uniform permutations, Fisher-Yates). */
public final class Orderings {
    private Orderings() {}

    public static List<int[]> random(int units, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<int[]> out = new ArrayList<>();
        for (int o = 0; o < count; o++) {
            int[] p = new int[units];
            for (int i = 0; i < units; i++) p[i] = i;
            for (int i = units - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            out.add(p);
        }
        return out;
    }
}
