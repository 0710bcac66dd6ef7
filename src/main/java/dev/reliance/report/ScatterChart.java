package dev.reliance.report;

import java.util.List;

/**
 * Points in groups, e.g. AUC against test accuracy, or selectivity against unit importance.
 * {@code fitLine} adds one least-squares line over all groups' finite points, with its r in the legend.
 */
public record ScatterChart(String title, String xLabel, String yLabel, List<ScatterGroup> groups,
        boolean fitLine, Palette palette) implements Chart {
    public ScatterChart {
        title = Arrays2.text(title);
        xLabel = Arrays2.text(xLabel);
        yLabel = Arrays2.text(yLabel);
        groups = List.copyOf(groups);
        palette = palette == null ? Palette.CATEGORICAL : palette;
    }

    public ScatterChart(String title, String xLabel, String yLabel, List<ScatterGroup> groups, boolean fitLine) {
        this(title, xLabel, yLabel, groups, fitLine, Palette.CATEGORICAL);
    }

    public ScatterChart(String title, String xLabel, String yLabel, List<ScatterGroup> groups) {
        this(title, xLabel, yLabel, groups, false, Palette.CATEGORICAL);
    }
}
