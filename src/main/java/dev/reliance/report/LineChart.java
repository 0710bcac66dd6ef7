package dev.reliance.report;

import java.util.List;

/**
 * Lines over a shared x axis (ablation curves, noise curves, training curves).
 * {@code yMin}/{@code yMax} fix the y range when non-null (e.g. accuracy in [0, 1]); data beyond is clipped.
 */
public record LineChart(String title, String xLabel, String yLabel, List<Series> series, boolean logX,
        Double yMin, Double yMax, Palette palette) implements Chart {
    public LineChart {
        title = Arrays2.text(title);
        xLabel = Arrays2.text(xLabel);
        yLabel = Arrays2.text(yLabel);
        series = List.copyOf(series);
        palette = palette == null ? Palette.CATEGORICAL : palette;
    }

    public LineChart(String title, String xLabel, String yLabel, List<Series> series, boolean logX,
            Double yMin, Double yMax) {
        this(title, xLabel, yLabel, series, logX, yMin, yMax, Palette.CATEGORICAL);
    }

    public LineChart(String title, String xLabel, String yLabel, List<Series> series) {
        this(title, xLabel, yLabel, series, false, null, null, Palette.CATEGORICAL);
    }

    public LineChart withPalette(Palette p) {
        return new LineChart(title, xLabel, yLabel, series, logX, yMin, yMax, p);
    }
}
