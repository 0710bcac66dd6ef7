package dev.reliance.report;

import java.util.List;

/**
 * Grouped bars: for each category, one bar per group side by side (e.g. AUC per dropout fraction,
 * with and without batch norm). A NaN value draws no bar. The y range includes 0 unless fixed.
 */
public record BarChart(String title, String xLabel, String yLabel, List<String> categories,
        List<BarGroup> groups, Double yMin, Double yMax, Palette palette) implements Chart {
    public BarChart {
        title = Arrays2.text(title);
        xLabel = Arrays2.text(xLabel);
        yLabel = Arrays2.text(yLabel);
        categories = List.copyOf(categories);
        groups = List.copyOf(groups);
        palette = palette == null ? Palette.CATEGORICAL : palette;
        for (BarGroup g : groups) {
            Arrays2.sameLength("bar group '" + g.name() + "'", categories.size(), g.values());
        }
    }

    public BarChart(String title, String xLabel, String yLabel, List<String> categories, List<BarGroup> groups) {
        this(title, xLabel, yLabel, categories, groups, null, null, Palette.CATEGORICAL);
    }
}
