package dev.reliance.report;

/** One bar per category for one group (e.g. "with batch norm"); {@code sd} (nullable) draws error bars. */
public record BarGroup(String name, double[] values, double[] sd) {
    public BarGroup {
        name = Arrays2.text(name);
        values = Arrays2.copy(values);
        sd = Arrays2.copyOrNull(sd);
        Arrays2.sameLength("bar group '" + name + "' sd", values.length, sd);
    }

    public BarGroup(String name, double[] values) {
        this(name, values, null);
    }
}
