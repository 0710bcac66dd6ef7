package dev.reliance.report;

/** Small array helpers for the chart records' defensive copies and checks. */
final class Arrays2 {
    private Arrays2() {}

    static double[] copy(double[] a) {
        return a == null ? new double[0] : a.clone();
    }

    static double[] copyOrNull(double[] a) {
        return a == null ? null : a.clone();
    }

    static void sameLength(String what, int expected, double[] a) {
        if (a != null && a.length != expected) {
            throw new IllegalArgumentException(what + " has " + a.length + " values, expected " + expected);
        }
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
