package dev.reliance.report;

/**
 * One line: y over x, with an optional standard deviation per point drawn as a shaded +-SD band.
 * NaN (or, on a log x axis, non-positive x) leaves a gap. Arrays are copied on construction.
 */
public record Series(String name, double[] x, double[] y, double[] sd) {
    public Series {
        name = Arrays2.text(name);
        x = Arrays2.copy(x);
        y = Arrays2.copy(y);
        sd = Arrays2.copyOrNull(sd);
        Arrays2.sameLength("series '" + name + "' y", x.length, y);
        Arrays2.sameLength("series '" + name + "' sd", x.length, sd);
    }

    public Series(String name, double[] x, double[] y) {
        this(name, x, y, null);
    }

    /** A series over x = 0, 1, ..., n-1 (e.g. epochs). */
    public static Series of(String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return new Series(name, x, y, null);
    }

    public int size() {
        return x.length;
    }
}
