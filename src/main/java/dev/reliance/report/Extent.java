package dev.reliance.report;

/** Running min/max of the finite values seen (and, for log axes, only the positive ones). */
final class Extent {
    private final boolean positiveOnly;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;

    Extent(boolean positiveOnly) {
        this.positiveOnly = positiveOnly;
    }

    static Extent linear() {
        return new Extent(false);
    }

    boolean accepts(double v) {
        return Double.isFinite(v) && (!positiveOnly || v > 0);
    }

    void add(double v) {
        if (accepts(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
    }

    boolean isEmpty() {
        return min > max;
    }
}
