package dev.reliance.report;

import java.util.List;

/**
 * Two families of lines over one x with independent y scales: {@code left} series use the left
 * axis (drawn solid), {@code right} series the right axis (drawn dashed). For example AUC over
 * training beside train and test loss.
 */
public record DualAxisChart(String title, String xLabel, String leftLabel, String rightLabel,
        List<Series> left, List<Series> right, boolean logX) implements Chart {
    public DualAxisChart {
        title = Arrays2.text(title);
        xLabel = Arrays2.text(xLabel);
        leftLabel = Arrays2.text(leftLabel);
        rightLabel = Arrays2.text(rightLabel);
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    public DualAxisChart(String title, String xLabel, String leftLabel, String rightLabel,
            List<Series> left, List<Series> right) {
        this(title, xLabel, leftLabel, rightLabel, left, right, false);
    }
}
