package dev.reliance.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectivityTest {
    private static final double TOL = 1e-12;

    @Test
    void oneHotUnitIsFullySelective() {
        Selectivity s = Selectivity.fromClassMeans(new double[] {0, 0, 5, 0}, false);
        assertEquals(1, s.selectivity(), TOL);
        assertTrue(s.defined());
        assertFalse(s.dead());
    }

    @Test
    void uniformUnitHasZeroSelectivity() {
        Selectivity s = Selectivity.fromClassMeans(new double[] {2, 2, 2}, false);
        assertEquals(0, s.selectivity(), TOL);
        assertFalse(s.dead());
    }

    @Test
    void handCaseFromClassMeans() {
        // mu_max = 4, mu_-max = (1 + 2 + 3) / 3 = 2 -> (4 - 2) / (4 + 2)
        assertEquals(1.0 / 3, Selectivity.fromClassMeans(new double[] {1, 4, 2, 3}, false).selectivity(), TOL);
    }

    @Test
    void handCaseFromExamples() {
        double[] acts = {2, 6, 1, 1, 3, 3, 4, 2};
        int[] labels = {0, 0, 1, 1, 2, 2, 3, 3};
        // class means 4, 1, 3, 3 -> mu_-max = 7/3 -> (5/3) / (19/3)
        assertEquals(5.0 / 19, Selectivity.of(acts, labels, 4).selectivity(), TOL);
    }

    @Test
    void deadUnitIsZeroAndFlagged() {
        Selectivity s = Selectivity.of(new double[] {0, 0, 0, -0.0}, new int[] {0, 1, 0, 1}, 2);
        assertEquals(0, s.selectivity(), 0);
        assertTrue(s.defined());
        assertTrue(s.dead());
    }

    @Test
    void negativeActivationMakesSelectivityUndefined() {
        // Class means stay positive (0.95 and 1), but one activation is negative.
        Selectivity s = Selectivity.of(new double[] {2, -0.1, 1, 1}, new int[] {0, 0, 1, 1}, 2);
        assertFalse(s.defined());
        assertTrue(Double.isNaN(s.selectivity()));
        assertFalse(s.dead());
        assertFalse(Selectivity.fromClassMeans(new double[] {1, -1}, false).defined());
        assertFalse(Selectivity.fromClassMeans(new double[] {1, 2}, true).defined());
        assertFalse(Selectivity.of(new double[] {1, Double.NaN}, new int[] {0, 1}, 2).defined());
    }

    @Test
    void rejectsMissingClassAndBadLabels() {
        assertThrows(IllegalArgumentException.class,
                () -> Selectivity.of(new double[] {1, 2}, new int[] {0, 0}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Selectivity.of(new double[] {1, 2}, new int[] {0, 2}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Selectivity.fromClassMeans(new double[] {1}, false));
    }

    @Test
    void accumulatorMatchesDirectComputation() {
        int units = 5;
        int classes = 3;
        int examples = 300;
        Random random = new Random(7);
        float[][] acts = new float[examples][units];
        int[] labels = new int[examples];
        for (int i = 0; i < examples; i++) {
            labels[i] = i % classes;
            for (int u = 0; u < units; u++) {
                acts[i][u] = (float) Math.max(0, random.nextGaussian() + (u == labels[i] ? 1 : 0));
            }
        }
        for (int i = 0; i < examples; i++) {
            acts[i][3] = 0; // unit 3 dead
        }
        acts[11][2] = -0.5f; // unit 2 undefined

        ClassMeanAccumulator one = new ClassMeanAccumulator(units, classes);
        ClassMeanAccumulator batched = new ClassMeanAccumulator(units, classes);
        for (int i = 0; i < examples; i++) {
            one.add(acts[i], labels[i]);
        }
        for (int start = 0; start < examples; start += 64) {
            int size = Math.min(64, examples - start);
            float[] flat = new float[size * units];
            int[] batchLabels = new int[size];
            for (int b = 0; b < size; b++) {
                System.arraycopy(acts[start + b], 0, flat, b * units, units);
                batchLabels[b] = labels[start + b];
            }
            batched.addBatch(flat, batchLabels);
        }
        Selectivity[] fromOne = one.selectivities();
        Selectivity[] fromBatches = batched.selectivities();
        for (int u = 0; u < units; u++) {
            double[] column = new double[examples];
            for (int i = 0; i < examples; i++) {
                column[i] = acts[i][u];
            }
            Selectivity direct = Selectivity.of(column, labels, classes);
            assertEquals(direct, fromOne[u], "unit " + u);
            assertEquals(direct, fromBatches[u], "unit " + u);
        }
        assertEquals(100, one.count(0));
        assertTrue(fromOne[3].dead());
        assertFalse(fromOne[2].defined());
        assertTrue(fromOne[0].defined() && fromOne[0].selectivity() > 0);
    }

    @Test
    void accumulatorRejectsBadShapes() {
        ClassMeanAccumulator acc = new ClassMeanAccumulator(3, 2);
        assertThrows(IllegalArgumentException.class, () -> acc.add(new float[2], 0));
        assertThrows(IllegalArgumentException.class, () -> acc.add(new float[3], 2));
        assertThrows(IllegalArgumentException.class, () -> acc.addBatch(new float[5], new int[] {0, 1}));
        acc.add(new float[] {1, 1, 1}, 0);
        // only one class present: selectivity has no meaning
        assertFalse(acc.selectivities()[0].defined());
    }

    @Test
    void absentClassesAreLeftOutOfTheMeans() {
        ClassMeanAccumulator acc = new ClassMeanAccumulator(1, 3);
        acc.add(new float[] {3}, 0);
        acc.add(new float[] {1}, 2);
        // class 1 never occurs: SI over the two present classes = (3 - 1) / (3 + 1)
        assertEquals(0.5, acc.selectivities()[0].selectivity(), 1e-12);
    }
}
