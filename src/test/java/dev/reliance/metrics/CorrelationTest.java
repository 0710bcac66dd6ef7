package dev.reliance.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference numbers come from SciPy 1.17.1 (scipy.stats.pearsonr / spearmanr / rankdata). */
class CorrelationTest {

    @Test
    void pearsonHandCase() {
        // dx = -2..2, dy = -1, -2, 1, 0, 2: sxy = 8, sxx = syy = 10 -> r = 0.8.
        Correlation c = Correlation.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5});
        assertEquals(0.8, c.coefficient(), 1e-14);
        assertEquals(0.10408803866182782, c.pValue(), 1e-13); // scipy pearsonr
        assertEquals(5, c.n());
    }

    @Test
    void pValueOfKnownCorrelations() {
        // r = 0.5, n = 10: t = 0.5 sqrt(8 / 0.75) = 1.633, df = 8 -> 2 * scipy t.sf = 0.1411.
        assertEquals(0.14111328125000006, Correlation.pValue(0.5, 10), 1e-13);
        assertEquals(0.03428618003292997, Correlation.pValue(0.3, 50), 1e-13);
        // Large n (many pooled units): 2 * scipy t.sf with df = n - 2.
        assertEquals(0.0015651897452783157, Correlation.pValue(0.01, 100_000), 1e-14);
        assertEquals(2.2261912329064323e-56, Correlation.pValue(0.05, 100_000), 1e-66);
        assertEquals(0.0009999999999999866, Correlation.pValue(0.999, 4), 1e-15);
        assertEquals(0, Correlation.pValue(1, 10), 0);
        assertEquals(1, Correlation.pValue(0, 10), 0);
        assertTrue(Double.isNaN(Correlation.pValue(0.5, 2)));
    }

    @Test
    void spearmanWithoutTies() {
        // Ranks of y: 7, 5, 6, 3, 4, 1, 2; sum d^2 = 106 -> rho = 1 - 6 * 106 / (7 * 48).
        Correlation c = Correlation.spearman(
                new double[] {10, 20, 30, 40, 50, 60, 70}, new double[] {7, 5, 6, 3, 4, 1, 2});
        assertEquals(1 - 6.0 * 106 / 336, c.coefficient(), 1e-14);
        assertEquals(-0.8928571428571429, c.coefficient(), 1e-14);
        assertEquals(0.006807187408935393, c.pValue(), 1e-13); // scipy spearmanr
    }

    @Test
    void spearmanWithTies() {
        double[] x = {1, 2, 2, 3, 4, 5};
        double[] y = {3, 1, 2, 2, 5, 4};
        Correlation c = Correlation.spearman(x, y);
        assertEquals(0.5441176470588235, c.coefficient(), 1e-14);
        assertEquals(0.26437035670669656, c.pValue(), 1e-13);
        Correlation p = Correlation.pearson(x, y);
        assertEquals(0.6307692307692306, p.coefficient(), 1e-14);
        assertEquals(0.1793281747837961, p.pValue(), 1e-13);
    }

    @Test
    void largerSampleAgainstScipy() {
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] xr = new double[n];
        double[] yr = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i * 0.37) + 0.01 * i;
            y[i] = Math.cos(i * 0.11) + 0.5 * Math.sin(i * 0.37);
            xr[i] = Math.round(x[i] * 10) / 10.0; // many ties
            yr[i] = Math.round(y[i] * 10) / 10.0;
        }
        Correlation p = Correlation.pearson(x, y);
        assertEquals(0.34635883232330655, p.coefficient(), 1e-12);
        assertEquals(5.062472220513742e-07, p.pValue(), 1e-15);
        Correlation s = Correlation.spearman(x, y);
        assertEquals(0.33455786394659875, s.coefficient(), 1e-12);
        assertEquals(1.2856227932533448e-06, s.pValue(), 1e-15);
        Correlation t = Correlation.spearman(xr, yr);
        assertEquals(0.3313822246646769, t.coefficient(), 1e-12);
        assertEquals(1.6413599021149941e-06, t.pValue(), 1e-15);
    }

    @Test
    void averageRanks() {
        // scipy.stats.rankdata([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
        assertArrayEquals(new double[] {4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8},
                Correlation.ranks(new double[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}), 0);
        assertThrows(IllegalArgumentException.class, () -> Correlation.ranks(new double[] {1, Double.NaN}));
    }

    @Test
    void nanPairsAreDropped() {
        Correlation c = Correlation.pearson(
                new double[] {1, Double.NaN, 2, 3, 4, 5, 7}, new double[] {2, 9, 1, 4, 3, 5, Double.NaN});
        assertEquals(5, c.n());
        assertEquals(0.8, c.coefficient(), 1e-14);
        assertEquals(5, Correlation.spearman(
                new double[] {1, Double.NaN, 2, 3, 4, 5}, new double[] {2, 9, 1, 4, 3, 5}).n());
    }

    @Test
    void degenerateInputsGiveNaN() {
        Correlation tooFew = Correlation.pearson(new double[] {1, 2}, new double[] {3, 4});
        assertTrue(Double.isNaN(tooFew.coefficient()) && Double.isNaN(tooFew.pValue()));
        assertEquals(2, tooFew.n());
        Correlation constant = Correlation.spearman(new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4});
        assertTrue(Double.isNaN(constant.coefficient()) && Double.isNaN(constant.pValue()));
        Correlation allNaN = Correlation.pearson(
                new double[] {Double.NaN, 1, 2}, new double[] {1, 2, Double.NaN});
        assertEquals(1, allNaN.n());
        assertTrue(Double.isNaN(allNaN.coefficient()));
        assertThrows(IllegalArgumentException.class,
                () -> Correlation.pearson(new double[] {1, 2, 3}, new double[] {1, 2}));
    }

    @Test
    void perfectCorrelation() {
        Correlation c = Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 1000});
        assertEquals(1, c.coefficient(), 1e-15);
        assertEquals(0, c.pValue(), 1e-12);
        Correlation anti = Correlation.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1});
        assertEquals(-1, anti.coefficient(), 1e-15);
    }
}
