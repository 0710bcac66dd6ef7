package dev.reliance.report;

/** A chart that {@link SvgRenderer} can draw. All implementations are plain immutable records. */
public sealed interface Chart permits LineChart, ScatterChart, Histogram, DualAxisChart, BarChart {
    String title();
}
