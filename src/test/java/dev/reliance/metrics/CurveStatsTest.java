package dev.reliance.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CurveStatsTest {
    @Test
    void meanAndSampleSdPerStep() {
        CurveStats stats = CurveStats.of(new double[][] {{1, 0.5}, {0.8, 0.3}, {0.9, 0.1}});
        assertArrayEquals(new double[] {0.9, 0.3}, stats.mean(), 1e-12);
        // step 0: deviations 0.1, -0.1, 0 -> 0.02 / 2 -> SD 0.1; step 1: 0.2, 0, -0.2 -> SD 0.2
        assertArrayEquals(new double[] {0.1, 0.2}, stats.sd(), 1e-12);
        assertEquals(3, stats.curves());
    }

    @Test
    void singleOrderingHasZeroSd() {
        CurveStats stats = CurveStats.of(new double[][] {{0.7, 0.4, 0.1}});
        assertArrayEquals(new double[] {0.7, 0.4, 0.1}, stats.mean(), 0);
        assertArrayEquals(new double[] {0, 0, 0}, stats.sd(), 0);
    }

    @Test
    void rejectsRaggedOrEmpty() {
        assertThrows(IllegalArgumentException.class, () -> CurveStats.of(new double[][] {{1, 2}, {1}}));
        assertThrows(IllegalArgumentException.class, () -> CurveStats.of(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> CurveStats.of(new double[][] {{}}));
    }
}
