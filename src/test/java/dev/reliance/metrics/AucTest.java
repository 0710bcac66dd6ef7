package dev.reliance.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reliance.metrics.Auc.Normalization;
import org.junit.jupiter.api.Test;

class AucTest {
    private static final double TOL = 1e-12;

    @Test
    void trapezoidHandCases() {
        assertEquals(0.5, Auc.trapezoid(new double[] {0, 0.5, 1}, new double[] {1, 0.5, 0}), TOL);
        // Uneven spacing: 1 * (2 + 4) / 2 + 2 * (4 + 1) / 2 = 3 + 5.
        assertEquals(8, Auc.trapezoid(new double[] {0, 1, 3}, new double[] {2, 4, 1}), TOL);
        assertEquals(0, Auc.trapezoid(new double[] {0.3}, new double[] {0.7}), TOL);
        // Repeated x adds zero width.
        assertEquals(0.5, Auc.trapezoid(new double[] {0, 0.5, 0.5, 1}, new double[] {1, 0.5, 0.5, 0}), TOL);
    }

    @Test
    void trapezoidRejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> Auc.trapezoid(new double[] {0, 1, 0.5}, new double[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> Auc.trapezoid(new double[] {0, 1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> Auc.trapezoid(new double[] {0, Double.NaN}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> Auc.trapezoid(new double[] {0, 1}, new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Auc.trapezoid(new double[0], new double[0]));
    }

    @Test
    void ablationFractionsDivideByTotal() {
        assertArrayEquals(new double[] {0, 0.5, 1}, Auc.ablationFractions(new int[] {0, 2, 4}, 4), TOL);
        assertThrows(IllegalArgumentException.class, () -> Auc.ablationFractions(new int[] {5}, 4));
        assertThrows(IllegalArgumentException.class, () -> Auc.ablationFractions(new int[] {0}, 0));
    }

    @Test
    void ablationAucNoneAndIntact() {
        double[] x = {0, 0.5, 1};
        double[] y = {0.8, 0.4, 0.1};
        // 0.5 * (0.8 + 0.4) / 2 + 0.5 * (0.4 + 0.1) / 2 = 0.3 + 0.125
        assertEquals(0.425, Auc.ablationAuc(x, y, Normalization.NONE), TOL);
        assertEquals(0.425 / 0.8, Auc.ablationAuc(x, y, Normalization.INTACT), TOL);
    }

    @Test
    void ablationAucValidatesRangeAndNormalisation() {
        assertThrows(IllegalArgumentException.class,
                () -> Auc.ablationAuc(new double[] {0, 1.5}, new double[] {1, 0}, Normalization.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> Auc.ablationAuc(new double[] {0.1, 1}, new double[] {1, 0}, Normalization.INTACT));
        assertThrows(IllegalArgumentException.class,
                () -> Auc.ablationAuc(new double[] {0, 1}, new double[] {1, 0}, Normalization.MAX_IN_SET));
        // An intact accuracy of 0 makes the intact normalisation undefined.
        assertTrue(Double.isNaN(
                Auc.ablationAuc(new double[] {0, 1}, new double[] {0, 0}, Normalization.INTACT)));
    }

    @Test
    void normalizeByMax() {
        double[] out = Auc.normalizeByMax(new double[] {0.2, 0.4, Double.NaN, 0.1});
        assertEquals(0.5, out[0], TOL);
        assertEquals(1.0, out[1], TOL);
        assertTrue(Double.isNaN(out[2]));
        assertEquals(0.25, out[3], TOL);
        double[] undefined = Auc.normalizeByMax(new double[] {0, 0});
        assertTrue(Double.isNaN(undefined[0]) && Double.isNaN(undefined[1]));
    }

    @Test
    void noiseFractionsAreNormalisedLogScale() {
        assertArrayEquals(new double[] {0, 0.5, 1}, Auc.noiseFractions(new double[] {0.1, 1, 10}), TOL);
        // The paper's MLP grid: 20 log-spaced scales 10^-1.5 .. 10^1 map to x_i = i / 19.
        double[] scales = new double[20];
        for (int i = 0; i < 20; i++) {
            scales[i] = Math.pow(10, -1.5 + 2.5 * i / 19);
        }
        double[] x = Auc.noiseFractions(scales);
        for (int i = 0; i < 20; i++) {
            assertEquals(i / 19.0, x[i], 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> Auc.noiseFractions(new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> Auc.noiseFractions(new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Auc.noiseFractions(new double[] {1}));
    }

    @Test
    void noiseAuc() {
        double[] scales = {0.1, 1, 10};
        assertEquals(0.9, Auc.noiseAuc(scales, new double[] {0.9, 0.9, 0.9}, Normalization.NONE), TOL);
        // x = 0, 0.5, 1: 0.25 * (1 + 0.6) + 0.25 * (0.6 + 0.2) = 0.6
        assertEquals(0.6, Auc.noiseAuc(scales, new double[] {1, 0.6, 0.2}, Normalization.NONE), TOL);
        // 0.25 * (0.8 + 0.6) + 0.25 * (0.6 + 0.2) = 0.55, divided by the first point 0.8
        assertEquals(0.6875, Auc.noiseAuc(scales, new double[] {0.8, 0.6, 0.2}, Normalization.INTACT), TOL);
    }
}
