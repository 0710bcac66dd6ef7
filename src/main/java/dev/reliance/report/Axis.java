package dev.reliance.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A numeric axis: its domain, labelled ticks at "nice" values, and the map from values to [0, 1]. */
final class Axis {
    record Tick(double value, String label) {}

    private static final int TARGET_TICKS = 5;
    private static final int MAX_DECADE_LABELS = 8;

    final double lo;
    final double hi;
    final boolean log;
    final List<Tick> ticks;
    final List<Double> minorTicks;

    private Axis(double lo, double hi, boolean log, List<Tick> ticks, List<Double> minorTicks) {
        this.lo = lo;
        this.hi = hi;
        this.log = log;
        this.ticks = List.copyOf(ticks);
        this.minorTicks = List.copyOf(minorTicks);
    }

    /** Whether {@code v} can be placed on this axis (finite; positive on a log axis). */
    boolean accepts(double v) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /** Position of {@code v} in the domain: 0 at lo, 1 at hi (outside [0, 1] when out of range). */
    double frac(double v) {
        if (log) {
            double a = Math.log10(lo);
            return (Math.log10(v) - a) / (Math.log10(hi) - a);
        }
        return (v - lo) / (hi - lo);
    }

    /**
     * A linear axis covering the data, with ends rounded out to a 1-2-5 tick step unless fixed.
     * Constant data is padded so the domain never has zero width (no division by zero); no data gives [0, 1].
     */
    static Axis linear(Extent data, Double fixedMin, Double fixedMax) {
        boolean loFixed = fixedMin != null && Double.isFinite(fixedMin);
        boolean hiFixed = fixedMax != null && Double.isFinite(fixedMax);
        double lo = loFixed ? fixedMin : (data.isEmpty() ? 0 : data.min);
        double hi = hiFixed ? fixedMax : (data.isEmpty() ? 1 : data.max);
        if (data.isEmpty() && loFixed != hiFixed) {
            // One fixed end and no data: span one unit from the fixed end.
            lo = loFixed ? lo : hi - 1;
            hi = hiFixed ? hi : lo + 1;
        }
        if (lo > hi) {
            if (loFixed && !hiFixed) {
                hi = lo;
            } else if (hiFixed && !loFixed) {
                lo = hi;
            } else {
                double t = lo;
                lo = hi;
                hi = t;
            }
        }
        if (hi - lo <= 1e-12 * Math.max(Math.abs(lo), Math.abs(hi))) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            boolean both = loFixed == hiFixed;
            lo = (!loFixed || both) ? lo - pad : lo;
            hi = (!hiFixed || both) ? hi + pad : hi;
        }
        if (!Double.isFinite(hi - lo)) {
            lo = -Double.MAX_VALUE / 4;
            hi = Double.MAX_VALUE / 4;
        }
        double step = niceStep(hi - lo, TARGET_TICKS);
        if (!loFixed) {
            lo = Math.floor(lo / step + 1e-9) * step;
        }
        if (!hiFixed) {
            hi = Math.ceil(hi / step - 1e-9) * step;
        }
        return new Axis(lo, hi, false, linearTicks(lo, hi, step), List.of());
    }

    /** 1, 2 or 5 times a power of ten, giving about {@code target} steps over {@code range}. */
    static double niceStep(double range, int target) {
        double rough = range / target;
        double mag = Math.pow(10, Math.floor(Math.log10(rough)));
        double r = rough / mag;
        double nice = r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10;
        return nice * mag;
    }

    private static List<Tick> linearTicks(double lo, double hi, double step) {
        List<Tick> ticks = new ArrayList<>();
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        int decimals = (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
        double maxAbs = Math.max(Math.abs(lo), Math.abs(hi));
        boolean sci = decimals > 5 || maxAbs >= 1e7;
        // Enough significant digits that neighbouring ticks never print alike.
        int digits = (int) Math.max(1, Math.min(15, Math.ceil(Math.log10(maxAbs / step)) + 1));
        for (long k = first; k <= last && ticks.size() < 100; k++) {
            double v = k * step;
            ticks.add(new Tick(v, sci ? Num.sig(v, digits) : Num.fixed(v, decimals)));
        }
        return ticks;
    }

    /**
     * A log10 axis over whole decades covering the positive data, labelled at powers of ten
     * (every k-th power when there are many), with unlabelled minor ticks at 2..9 times each power.
     */
    static Axis log(Extent positiveData) {
        int a = 0;
        int b = 1;
        if (!positiveData.isEmpty()) {
            a = (int) Math.floor(Math.log10(positiveData.min) + 1e-9);
            b = (int) Math.ceil(Math.log10(positiveData.max) - 1e-9);
            if (b <= a) {
                b = a + 1;
            }
        }
        int every = (int) Math.ceil((b - a) / (double) MAX_DECADE_LABELS);
        List<Tick> ticks = new ArrayList<>();
        for (int e = a; e <= b; e += every) {
            ticks.add(new Tick(Math.pow(10, e), powerLabel(e)));
        }
        List<Double> minor = new ArrayList<>();
        if (b - a <= 6) {
            for (int e = a; e < b; e++) {
                for (int m = 2; m <= 9; m++) {
                    minor.add(m * Math.pow(10, e));
                }
            }
        }
        return new Axis(Math.pow(10, a), Math.pow(10, b), true, ticks, minor);
    }

    private static String powerLabel(int e) {
        return e >= -4 && e <= 6 ? BigDecimal.ONE.scaleByPowerOfTen(e).toPlainString() : "1e" + e;
    }
}
