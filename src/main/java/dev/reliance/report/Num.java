package dev.reliance.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting with Locale.ROOT and fixed precision, so output is byte-identical across runs and locales. */
final class Num {
    private Num() {}

    /** Pixel coordinate: two decimals are far below a device pixel; trailing zeros dropped to keep SVGs small. */
    static String px(double v) {
        // Clamp: values far outside the plot only need to land outside the clip box, not print 300 digits.
        double c = Math.max(-1e6, Math.min(1e6, v));
        return strip(String.format(Locale.ROOT, "%.2f", c));
    }

    /** A value with {@code decimals} fixed decimals, trailing zeros kept (tick labels of one axis line up). */
    static String fixed(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return isNegativeZero(s) ? s.substring(1) : s;
    }

    /**
     * A value rounded to {@code digits} significant digits, plain for moderate magnitudes and
     * in e-notation (e.g. 2.5e-7) otherwise. NaN prints as "n/a" because it marks an undefined value.
     */
    static String sig(double v, int digits) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        double a = Math.abs(rounded.doubleValue());
        if (a >= 1e-3 && a < 1e7) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        return sci(rounded, digits);
    }

    private static String sci(BigDecimal value, int digits) {
        BigDecimal r = value.round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exponent = r.precision() - r.scale() - 1;
        BigDecimal mantissa = r.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }

    private static String strip(String s) {
        if (s.indexOf('.') >= 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            s = s.substring(0, end);
        }
        return s.equals("-0") ? "0" : s;
    }

    private static boolean isNegativeZero(String s) {
        return s.startsWith("-") && s.chars().skip(1).allMatch(c -> c == '0' || c == '.');
    }
}
