package dev.reliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTest {
    private static Extent of(double... v) {
        Extent e = Extent.linear();
        for (double d : v) {
            e.add(d);
        }
        return e;
    }

    private static List<String> labels(Axis a) {
        return a.ticks.stream().map(Axis.Tick::label).toList();
    }

    @Test
    void niceStepsAreOneTwoFive() {
        assertEquals(0.2, Axis.niceStep(1, 5), 1e-15);
        assertEquals(100, Axis.niceStep(640, 5), 1e-12);
        assertEquals(0.5, Axis.niceStep(2.3, 5), 1e-15);
        assertEquals(2e-6, Axis.niceStep(1e-5, 5), 1e-20);
    }

    @Test
    void linearAxisRoundsOutToTicks() {
        Axis a = Axis.linear(of(0.03, 0.93), null, null);
        assertEquals(0, a.lo, 1e-12);
        assertEquals(1, a.hi, 1e-12);
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), labels(a));
        assertEquals(List.of("0", "100", "200", "300", "400", "500", "600", "700"),
                labels(Axis.linear(of(0, 640), null, null)));
        assertEquals(List.of("-1.0", "-0.5", "0.0", "0.5", "1.0"), labels(Axis.linear(of(-1, 1), null, null)));
    }

    @Test
    void fixedEndsAreKept() {
        Axis a = Axis.linear(of(0.3, 0.5), 0.0, 1.0);
        assertEquals(0, a.lo);
        assertEquals(1, a.hi);
        Axis b = Axis.linear(of(0.33, 0.47), 0.25, null);
        assertEquals(0.25, b.lo);
        assertTrue(b.hi >= 0.47);
        Axis c = Axis.linear(of(-5, -3), 0.0, null); // data below a fixed minimum
        assertTrue(c.hi > c.lo);
    }

    @Test
    void degenerateDataGetsAFiniteDomain() {
        for (Axis a : List.of(Axis.linear(of(5, 5), null, null), Axis.linear(of(0), null, null),
                Axis.linear(of(), null, null), Axis.linear(of(1e-20, 1e-20), null, null),
                Axis.linear(of(), 2.0, null), Axis.linear(of(3), 3.0, 3.0))) {
            assertTrue(a.hi > a.lo && Double.isFinite(a.hi - a.lo), a.lo + " " + a.hi);
            assertTrue(Double.isFinite(a.frac(a.lo)) && Double.isFinite(a.frac(a.hi)));
            assertTrue(a.ticks.size() >= 2);
        }
    }

    @Test
    void ticksOfTinyAndHugeRangesStayDistinct() {
        List<String> tiny = labels(Axis.linear(of(0.001, 0.001005), null, null));
        assertEquals(tiny.size(), tiny.stream().distinct().count(), tiny.toString());
        List<String> huge = labels(Axis.linear(of(0, 3e9), null, null));
        assertEquals(List.of("0", "5e8", "1e9", "1.5e9", "2e9", "2.5e9", "3e9"), huge);
        assertTrue(labels(Axis.linear(of(-0.2, 0.2), null, null)).contains("0.0")); // never "-0.0"
    }

    @Test
    void logAxisHasDecadeTicksAndMinorTicks() {
        Extent e = new Extent(true);
        e.add(Math.pow(10, -1.5));
        e.add(10);
        e.add(-3); // ignored: not positive
        Axis a = Axis.log(e);
        assertEquals(List.of("0.01", "0.1", "1", "10"), labels(a));
        assertEquals(0.01, a.lo, 1e-15);
        assertEquals(10, a.hi, 1e-12);
        assertEquals(24, a.minorTicks.size());
        assertEquals(0.5, a.frac(Math.pow(10, -0.5)), 1e-12);
    }

    @Test
    void logAxisOfManyDecadesLabelsEveryKth() {
        Extent e = new Extent(true);
        e.add(1e-12);
        e.add(1e8);
        Axis a = Axis.log(e);
        assertTrue(a.ticks.size() <= 9);
        assertEquals("1e-12", a.ticks.get(0).label());
        assertTrue(a.minorTicks.isEmpty());
        Extent single = new Extent(true);
        single.add(10);
        assertEquals(List.of("10", "100"), labels(Axis.log(single)));
    }

    @Test
    void numberFormattingIsLocaleFree() {
        assertEquals("1.5", Num.px(1.5));
        assertEquals("0", Num.px(-0.001));
        assertEquals("1000000", Num.px(1e300));
        assertEquals("0.1235", Num.sig(0.123456, 4));
        assertEquals("2.5e-7", Num.sig(2.5e-7, 4));
        assertEquals("1.235e7", Num.sig(12345678, 4));
        assertEquals("n/a", Num.sig(Double.NaN, 4));
        assertEquals("1", Num.sig(1.0, 4));
        assertEquals("0.0", Num.fixed(-0.0001, 1));
    }
}
