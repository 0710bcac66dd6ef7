package dev.reliance.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    @Test
    void logGammaKnownValues() {
        assertEquals(0.5 * Math.log(Math.PI), SpecialFunctions.logGamma(0.5), 1e-14);
        assertEquals(0, SpecialFunctions.logGamma(1), 1e-14);
        assertEquals(0, SpecialFunctions.logGamma(2), 1e-14);
        assertEquals(Math.log(362880), SpecialFunctions.logGamma(10), 1e-13);
        // From Python's math.lgamma.
        assertEquals(361.4355404677776, SpecialFunctions.logGamma(100.5), 1e-11);
        assertEquals(6.907178885383854, SpecialFunctions.logGamma(1e-3), 1e-13);
        assertEquals(1.4280723266653883, SpecialFunctions.logGamma(3.7), 1e-13);
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.logGamma(0));
    }

    @Test
    void incompleteBetaClosedForms() {
        // I_x(2, 3) = sum_{j=2..4} C(4, j) x^j (1-x)^(4-j) = 0.3456 + 0.1536 + 0.0256 at x = 0.4.
        assertEquals(0.5248, SpecialFunctions.regularizedIncompleteBeta(2, 3, 0.4), 1e-14);
        // I_x(1/2, 1/2) = (2 / pi) asin(sqrt(x)).
        assertEquals(2 / Math.PI * Math.asin(Math.sqrt(0.3)),
                SpecialFunctions.regularizedIncompleteBeta(0.5, 0.5, 0.3), 1e-14);
        // Symmetric case.
        assertEquals(0.5, SpecialFunctions.regularizedIncompleteBeta(10, 10, 0.5), 1e-14);
        // I_x(a, 1) = x^a.
        assertEquals(Math.pow(0.7, 3.5), SpecialFunctions.regularizedIncompleteBeta(3.5, 1, 0.7), 1e-14);
        assertEquals(0, SpecialFunctions.regularizedIncompleteBeta(2, 3, 0), 0);
        assertEquals(1, SpecialFunctions.regularizedIncompleteBeta(2, 3, 1), 0);
    }

    @Test
    void incompleteBetaAgainstScipy() {
        // Values from scipy.special.betainc (SciPy 1.17.1).
        assertEquals(0.3166429150200122, SpecialFunctions.regularizedIncompleteBeta(5, 0.5, 0.9), 1e-13);
        assertEquals(7.366397738015049e-06, SpecialFunctions.regularizedIncompleteBeta(1000, 0.5, 0.99), 1e-17);
        assertEquals(0.24284189089843747, SpecialFunctions.regularizedIncompleteBeta(0.5, 5, 0.01), 1e-13);
        assertEquals(0.02531802456488751, SpecialFunctions.regularizedIncompleteBeta(2500, 0.5, 0.999), 1e-12);
    }

    @Test
    void incompleteBetaRejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.regularizedIncompleteBeta(0, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.regularizedIncompleteBeta(1, 1, 1.5));
        assertThrows(IllegalArgumentException.class,
                () -> SpecialFunctions.regularizedIncompleteBeta(1, 1, Double.NaN));
    }

    @Test
    void studentTTwoSided() {
        // df = 1 is the Cauchy distribution: P(|T| >= 1) = 1/2 exactly.
        assertEquals(0.5, SpecialFunctions.studentTTwoSidedP(1, 1), 1e-14);
        // From 2 * scipy.stats.t.sf(t, df).
        assertEquals(0.10193947882985835, SpecialFunctions.studentTTwoSidedP(2.0, 5), 1e-13);
        assertEquals(0.01811564906806669, SpecialFunctions.studentTTwoSidedP(-2.5, 30), 1e-13);
        assertEquals(1, SpecialFunctions.studentTTwoSidedP(0, 7), 0);
        assertEquals(0, SpecialFunctions.studentTTwoSidedP(Double.POSITIVE_INFINITY, 7), 0);
    }
}
