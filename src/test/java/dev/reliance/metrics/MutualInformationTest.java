package dev.reliance.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reliance.metrics.MutualInformation.Binning;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MutualInformationTest {
    private static final double TOL = 1e-12;

    @Test
    void perfectlyInformativeUnitCarriesOneBit() {
        double[] acts = {0.1, 0.2, 0.3, 5, 6, 7};
        int[] labels = {0, 0, 0, 1, 1, 1};
        for (Binning binning : Binning.values()) {
            MutualInformation mi = MutualInformation.of(acts, labels, 2, 2, binning);
            assertEquals(1, mi.mutualInformation(), TOL, binning.name());
            assertEquals(1, mi.entropy(), TOL, binning.name());
        }
    }

    @Test
    void independentUnitCarriesNothing() {
        // Each bin holds one example of each class: exactly independent.
        MutualInformation mi = MutualInformation.of(
                new double[] {0, 1, 0, 1}, new int[] {0, 0, 1, 1}, 2, 2, Binning.EQUAL_FREQUENCY);
        assertEquals(0, mi.mutualInformation(), TOL);
        assertEquals(1, mi.entropy(), TOL);
    }

    @Test
    void randomIndependentUnitIsNearZero() {
        Random random = new Random(3);
        int n = 50_000;
        double[] acts = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            acts[i] = random.nextGaussian();
            labels[i] = random.nextInt(10);
        }
        MutualInformation mi = MutualInformation.of(acts, labels, 10);
        // Plug-in bias is about (B - 1)(K - 1) / (2 n ln 2) = 0.004 bits.
        assertTrue(mi.mutualInformation() < 0.01, "MI " + mi.mutualInformation());
        assertEquals(5, mi.entropy(), 1e-3); // 32 equally filled bins
    }

    @Test
    void constantUnitHasZeroEntropyAndInformation() {
        double[] acts = {0.5, 0.5, 0.5, 0.5};
        int[] labels = {0, 1, 0, 1};
        for (Binning binning : Binning.values()) {
            MutualInformation mi = MutualInformation.of(acts, labels, 2, 32, binning);
            assertEquals(0, mi.mutualInformation(), 0);
            assertEquals(0, mi.entropy(), 0);
        }
        assertArrayEquals(new int[] {0, 0, 0, 0}, MutualInformation.equalFrequencyBins(acts, 32));
    }

    @Test
    void handComputedPartialInformation() {
        // Joint counts: bin 0 -> (2 of class 0, 1 of class 1), bin 1 -> (1, 2), n = 6.
        // I = 1 - H(1/3) = 1 - 0.9182958340544896 (H(1/3) = log2 3 - 2/3).
        int[] t = {0, 0, 0, 1, 1, 1};
        int[] c = {0, 0, 1, 0, 1, 1};
        MutualInformation mi = MutualInformation.fromBins(t, 2, c, 2);
        double expected = 1 - (Math.log(3) / Math.log(2) - 2.0 / 3);
        assertEquals(expected, mi.mutualInformation(), TOL);
        assertEquals(0.0817041659455104, mi.mutualInformation(), 1e-12);
        assertEquals(1, mi.entropy(), TOL);
    }

    @Test
    void equalsEntropyMinusConditionalEntropyAndIsBounded() {
        Random random = new Random(11);
        int n = 2000;
        int classes = 4;
        double[] acts = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
            acts[i] = Math.max(0, random.nextGaussian() + 0.7 * labels[i]); // ReLU ties at 0
        }
        for (Binning binning : Binning.values()) {
            int bins = 16;
            int[] t = binning == Binning.EQUAL_FREQUENCY
                    ? MutualInformation.equalFrequencyBins(acts, bins)
                    : MutualInformation.equalWidthBins(acts, bins);
            MutualInformation mi = MutualInformation.fromBins(t, bins, labels, classes);
            // H(T|C) = sum_c p(c) H(T | C = c)
            double conditional = 0;
            for (int c = 0; c < classes; c++) {
                long[] counts = new long[bins];
                long nc = 0;
                for (int i = 0; i < n; i++) {
                    if (labels[i] == c) {
                        counts[t[i]]++;
                        nc++;
                    }
                }
                conditional += (double) nc / n * MutualInformation.entropyBits(counts);
            }
            assertEquals(mi.entropy() - conditional, mi.mutualInformation(), 1e-12);
            assertTrue(mi.mutualInformation() > 0.1);
            assertTrue(mi.mutualInformation() <= Math.min(mi.entropy(), 2) + 1e-12);
        }
    }

    @Test
    void equalFrequencyBinsWithoutTies() {
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 3, 3},
                MutualInformation.equalFrequencyBins(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 4));
        // Input order does not matter.
        assertArrayEquals(new int[] {3, 0, 2, 1, 0, 3, 1, 2},
                MutualInformation.equalFrequencyBins(new double[] {8, 1, 6, 3, 2, 7, 4, 5}, 4));
        // 10 values, 3 bins: floor(3 r / 10) -> counts 4, 3, 3.
        double[] ten = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 2},
                MutualInformation.equalFrequencyBins(ten, 3));
    }

    @Test
    void equalFrequencyBinsKeepTiesTogether() {
        // Five zeros (rank 0) share bin 0; 1 has rank 5 -> floor(4 * 5 / 8) = 2; 2 and 3 -> 3.
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 2, 3, 3},
                MutualInformation.equalFrequencyBins(new double[] {0, 0, 0, 0, 0, 1, 2, 3}, 4));
        assertArrayEquals(new int[] {2, 0, 0, 3, 0, 0, 3, 0},
                MutualInformation.equalFrequencyBins(new double[] {1, 0, 0, 2, -0.0, 0, 3, 0}, 4));
        // A tie group spanning ranks 1..4 stays whole, in the bin of its lowest rank:
        // floor(4 * 1 / 6) = 0, so it shares bin 0 with the 1; the 3 (rank 5) goes to bin 3.
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 3},
                MutualInformation.equalFrequencyBins(new double[] {1, 2, 2, 2, 2, 3}, 4));
    }

    @Test
    void equalWidthBins() {
        // floor(4 v) with the maximum put in the last bin.
        assertArrayEquals(new int[] {0, 0, 1, 2, 3, 3},
                MutualInformation.equalWidthBins(new double[] {0, 0.24, 0.25, 0.5, 0.99, 1.0}, 4));
        assertArrayEquals(new int[] {0, 1, 1},
                MutualInformation.equalWidthBins(new double[] {-2, 0, 2}, 2));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> MutualInformation.of(new double[] {1, Double.NaN}, new int[] {0, 1}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> MutualInformation.of(new double[] {1, 2}, new int[] {0, 2}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> MutualInformation.of(new double[] {1, 2}, new int[] {0}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> MutualInformation.equalWidthBins(new double[] {1, 2}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> MutualInformation.fromBins(new int[] {0, 5}, 2, new int[] {0, 1}, 2));
    }
}
