package dev.reliance.report;

import java.util.List;

/**
 * Overlaid, semi-transparent histograms of several samples over shared bins (e.g. selectivity
 * with and without batch norm). {@code normalized} plots the fraction of each sample per bin,
 * so samples of different sizes compare. {@code xMin}/{@code xMax} fix the binned range when
 * non-null (values outside are not counted); otherwise it spans the pooled finite data.
 */
public record Histogram(String title, String xLabel, List<Histogram.Sample> samples, int bins,
        boolean normalized, Double xMin, Double xMax) implements Chart {

    /** One named sample; NaN and infinite values are ignored. */
    public record Sample(String name, double[] values) {
        public Sample {
            name = Arrays2.text(name);
            values = Arrays2.copy(values);
        }
    }

    public Histogram {
        title = Arrays2.text(title);
        xLabel = Arrays2.text(xLabel);
        samples = List.copyOf(samples);
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
    }

    public Histogram(String title, String xLabel, List<Sample> samples, int bins) {
        this(title, xLabel, samples, bins, false, null, null);
    }
}
