package dev.reliance.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BreakpointsTest {

    @Test
    void movingAverageShrinksAtTheEnds() {
        double[] s = {1, 2, 3, 4, 10};
        assertArrayEquals(new double[] {1, 2, 3, 17.0 / 3, 10}, Breakpoints.movingAverage(s, 3), 1e-12);
        assertArrayEquals(new double[] {1, 2, 4, 17.0 / 3, 10}, Breakpoints.movingAverage(s, 5), 1e-12);
        assertArrayEquals(s, Breakpoints.movingAverage(s, 1), 0);
        assertThrows(IllegalArgumentException.class, () -> Breakpoints.movingAverage(s, 2));
        assertThrows(IllegalArgumentException.class, () -> Breakpoints.movingAverage(new double[] {1, Double.NaN}, 1));
    }

    @Test
    void declineStartsAtTheSmoothedMaximum() {
        double[] auc = {0.5, 0.6, 0.7, 0.8, 0.75, 0.6, 0.5};
        assertEquals(3, Breakpoints.declineStart(auc, 1));
        // Smoothed: 0.5, 0.6, 0.7, 0.75, 0.7167, 0.6167, 0.5
        assertEquals(3, Breakpoints.declineStart(auc, 3));
    }

    @Test
    void smoothingIgnoresASingleSpike() {
        double[] auc = {0.5, 0.9, 0.5, 0.6, 0.7, 0.8, 0.8, 0.6, 0.5};
        assertEquals(1, Breakpoints.declineStart(auc, 1));
        // Smoothed: .5, .633, .667, .6, .7, .767, .733, .633, .5
        assertEquals(5, Breakpoints.declineStart(auc, Breakpoints.DEFAULT_WINDOW));
    }

    @Test
    void plateauEndsWhereTheFallBegins() {
        assertEquals(4, Breakpoints.declineStart(new double[] {1, 2, 3, 3, 3, 2}, 1));
        assertEquals(3, Breakpoints.declineStart(new double[] {1, 2, 3, 4}, 3)); // never falls
    }

    @Test
    void lossDivergesAtTheSmoothedTestLossMinimum() {
        double[] test = {2.0, 1.5, 1.2, 1.1, 1.15, 1.3, 1.6};
        assertEquals(3, Breakpoints.lossDivergence(test, 1));
        // Smoothed around the minimum: 1.2667, 1.15, 1.1833
        assertEquals(3, Breakpoints.lossDivergence(test, 3));
        assertEquals(3, Breakpoints.lossDivergence(new double[] {3, 2, 1, 0.5}, 1)); // never rises
        // First index of a flat minimum.
        assertEquals(1, Breakpoints.lossDivergence(new double[] {2, 1, 1, 2}, 1));
    }
}
