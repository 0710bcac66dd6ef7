package dev.reliance.report;

import java.util.List;

/**
 * Layout and chrome of one chart: title, plot rectangle, grid, axes with ticks and labels, an
 * optional right axis, categorical x labels, and a legend placed right of the plot so that it
 * never covers data. Painters map data through {@link #px}, {@link #py} and {@link #py2}.
 */
final class Frame {
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final double TICK_FONT = 11;
    private static final double TITLE_FONT = 15;
    private static final double LABEL_FONT = 12;
    private static final double CHAR = 0.56; // average glyph width per font size (DejaVu Sans ~0.5); errs wide
    private static final double LEGEND_TEXT_MAX = 220;
    private static final double ROW = 18;
    private static final String AXIS = "#444444";
    private static final String TEXT = "#222222";

    /** The chart's texts; empty strings are not drawn. */
    record Labels(String title, String x, String y, String y2) {}

    final int width;
    final int height;
    final String id;
    final Axis x;
    final List<String> categories;
    final Axis y;
    final Axis y2;
    final double left;
    final double top;
    final double right;
    final double bottom;
    private final Labels labels;
    private final List<LegendItem> legend;
    private boolean dataOpen;

    /** {@code x} is null for a categorical x axis ({@code categories}); {@code y2} is null without a right axis. */
    Frame(int width, int height, String id, Labels labels, Axis x, List<String> categories, Axis y, Axis y2,
            List<LegendItem> legend) {
        this.width = width;
        this.height = height;
        this.id = id;
        this.labels = labels;
        this.x = x;
        this.categories = categories == null ? List.of() : List.copyOf(categories);
        this.y = y;
        this.y2 = y2;
        this.legend = List.copyOf(legend);
        this.top = labels.title().isEmpty() ? 16 : 44;
        this.bottom = height - (labels.x().isEmpty() ? 34 : 54);
        this.left = 10 + (labels.y().isEmpty() ? 0 : 20) + tickLabelWidth(y) + 10;
        this.right = width - 14 - rightAxisWidth() - legendWidth();
    }

    double px(double v) {
        return left + x.frac(v) * (right - left);
    }

    double py(double v) {
        return bottom - y.frac(v) * (bottom - top);
    }

    double py2(double v) {
        return bottom - y2.frac(v) * (bottom - top);
    }

    double slotWidth() {
        return (right - left) / Math.max(1, categories.size());
    }

    double slotCenter(int i) {
        return left + (i + 0.5) * slotWidth();
    }

    /** Opens the SVG and draws everything behind the data; then opens the clipped data group. */
    Svg begin() {
        Svg svg = new Svg();
        svg.open("svg", "xmlns", SVG_NS, "width", Integer.toString(width), "height", Integer.toString(height),
                "viewBox", "0 0 " + width + " " + height, "role", "img", "aria-labelledby", id + "-title",
                "font-family", "DejaVu Sans, Arial, Helvetica, sans-serif", "font-size", Num.px(LABEL_FONT));
        svg.text("title", labels.title(), "id", id + "-title");
        svg.open("defs").open("clipPath", "id", id + "-clip");
        // A little slack so lines on the domain edge (accuracy 1.0) are not cut in half.
        svg.empty("rect", "x", Num.px(left - 3), "y", Num.px(top - 3), "width", Num.px(right - left + 6),
                "height", Num.px(bottom - top + 6));
        svg.close("clipPath").close("defs");
        svg.empty("rect", "class", "background", "x", "0", "y", "0", "width", Integer.toString(width),
                "height", Integer.toString(height), "fill", "#ffffff");
        drawTitle(svg);
        drawGrid(svg);
        drawAxes(svg);
        svg.open("g", "class", "data", "clip-path", "url(#" + id + "-clip)");
        dataOpen = true;
        return svg;
    }

    /** Closes the clipped data group; what follows (e.g. point labels) may extend past the plot. */
    void endData(Svg svg) {
        if (dataOpen) {
            svg.close("g");
            dataOpen = false;
        }
    }

    /** Closes the data group if still open, draws the legend, and returns the finished SVG. */
    String end(Svg svg, boolean drewData) {
        endData(svg);
        if (!drewData) {
            svg.text("text", "no data", "class", "empty", "x", Num.px((left + right) / 2),
                    "y", Num.px((top + bottom) / 2), "text-anchor", "middle", "fill", "#888888");
        }
        drawLegend(svg);
        svg.close("svg");
        return svg.toString();
    }

    private void drawTitle(Svg svg) {
        String title = labels.title();
        if (title.isEmpty()) {
            return;
        }
        double avail = width - 20;
        double font = Math.max(11, Math.min(TITLE_FONT, avail / (title.length() * CHAR)));
        svg.text("text", fit(title, avail, font), "class", "title", "x", Num.px(width / 2.0), "y", "26",
                "text-anchor", "middle", "font-size", Num.px(font), "font-weight", "bold", "fill", TEXT);
    }

    private void drawGrid(Svg svg) {
        StringBuilder d = new StringBuilder();
        for (Axis.Tick t : y.ticks) {
            d.append("M").append(Num.px(left)).append(' ').append(Num.px(py(t.value())))
                    .append("H").append(Num.px(right));
        }
        if (x != null) {
            for (Axis.Tick t : x.ticks) {
                d.append("M").append(Num.px(px(t.value()))).append(' ').append(Num.px(top))
                        .append("V").append(Num.px(bottom));
            }
        }
        if (d.length() > 0) {
            svg.empty("path", "class", "grid", "d", d.toString(), "fill", "none", "stroke", "#e3e3e3",
                    "stroke-width", "1");
        }
    }

    private void drawAxes(Svg svg) {
        svg.open("g", "class", "axes", "fill", TEXT, "font-size", Num.px(TICK_FONT));
        String frame = "M" + Num.px(left) + " " + Num.px(top) + "V" + Num.px(bottom) + "H" + Num.px(right)
                + (y2 != null ? "V" + Num.px(top) : "");
        svg.empty("path", "class", "axis-line", "d", frame, "fill", "none", "stroke", AXIS, "stroke-width", "1");
        StringBuilder ticks = new StringBuilder();
        for (Axis.Tick t : y.ticks) {
            double v = py(t.value());
            ticks.append("M").append(Num.px(left - 5)).append(' ').append(Num.px(v)).append("H").append(Num.px(left));
            svg.text("text", t.label(), "x", Num.px(left - 8), "y", Num.px(v), "dy", "0.32em", "text-anchor", "end");
        }
        if (y2 != null) {
            for (Axis.Tick t : y2.ticks) {
                double v = py2(t.value());
                ticks.append("M").append(Num.px(right)).append(' ').append(Num.px(v)).append("H")
                        .append(Num.px(right + 5));
                svg.text("text", t.label(), "x", Num.px(right + 8), "y", Num.px(v), "dy", "0.32em",
                        "text-anchor", "start");
            }
        }
        double labelY = bottom + 18;
        if (x != null) {
            for (Axis.Tick t : x.ticks) {
                double u = px(t.value());
                ticks.append("M").append(Num.px(u)).append(' ').append(Num.px(bottom)).append("V")
                        .append(Num.px(bottom + 5));
                svg.text("text", t.label(), "x", Num.px(u), "y", Num.px(labelY), "text-anchor", "middle");
            }
            for (double m : x.minorTicks) {
                double u = px(m);
                ticks.append("M").append(Num.px(u)).append(' ').append(Num.px(bottom)).append("V")
                        .append(Num.px(bottom + 3));
            }
        } else {
            for (int i = 0; i < categories.size(); i++) {
                svg.text("text", fit(categories.get(i), slotWidth() - 4, TICK_FONT), "x", Num.px(slotCenter(i)),
                        "y", Num.px(labelY), "text-anchor", "middle");
            }
        }
        if (ticks.length() > 0) {
            svg.empty("path", "class", "ticks", "d", ticks.toString(), "fill", "none", "stroke", AXIS);
        }
        drawAxisLabels(svg);
        svg.close("g");
    }

    private void drawAxisLabels(Svg svg) {
        double midX = (left + right) / 2;
        double midY = (top + bottom) / 2;
        if (!labels.x().isEmpty()) {
            svg.text("text", fit(labels.x(), right - left, LABEL_FONT), "class", "axis-label", "x", Num.px(midX),
                    "y", Num.px(bottom + 40), "text-anchor", "middle", "font-size", Num.px(LABEL_FONT));
        }
        if (!labels.y().isEmpty()) {
            double lx = 24;
            svg.text("text", fit(labels.y(), bottom - top, LABEL_FONT), "class", "axis-label", "x", Num.px(lx),
                    "y", Num.px(midY), "text-anchor", "middle", "font-size", Num.px(LABEL_FONT),
                    "transform", "rotate(-90 " + Num.px(lx) + " " + Num.px(midY) + ")");
        }
        if (y2 != null && !labels.y2().isEmpty()) {
            double lx = right + 10 + tickLabelWidth(y2) + 6;
            svg.text("text", fit(labels.y2(), bottom - top, LABEL_FONT), "class", "axis-label", "x", Num.px(lx),
                    "y", Num.px(midY), "text-anchor", "middle", "font-size", Num.px(LABEL_FONT),
                    "transform", "rotate(90 " + Num.px(lx) + " " + Num.px(midY) + ")");
        }
    }

    private void drawLegend(Svg svg) {
        if (legend.isEmpty()) {
            return;
        }
        double x0 = right + rightAxisWidth() + 14;
        int capacity = Math.max(1, (int) ((height - top - 8) / ROW));
        int shown = legend.size() <= capacity ? legend.size() : capacity - 1;
        svg.open("g", "class", "legend", "font-size", Num.px(LABEL_FONT), "fill", TEXT);
        for (int i = 0; i < shown; i++) {
            double cy = top + 6 + i * ROW;
            drawSwatch(svg, legend.get(i), x0, cy);
            svg.text("text", fit(legend.get(i).label(), LEGEND_TEXT_MAX, LABEL_FONT), "x", Num.px(x0 + 30),
                    "y", Num.px(cy), "dy", "0.32em");
        }
        if (shown < legend.size()) {
            svg.text("text", "… and " + (legend.size() - shown) + " more", "x", Num.px(x0 + 30),
                    "y", Num.px(top + 6 + shown * ROW), "dy", "0.32em", "fill", "#666666");
        }
        svg.close("g");
    }

    private static void drawSwatch(Svg svg, LegendItem item, double x0, double cy) {
        switch (item.kind()) {
            case LINE -> {
                if (item.band()) {
                    svg.empty("rect", "x", Num.px(x0), "y", Num.px(cy - 6), "width", "24", "height", "12",
                            "fill", item.color(), "fill-opacity", "0.2");
                }
                svg.empty("path", "d", "M" + Num.px(x0) + " " + Num.px(cy) + "H" + Num.px(x0 + 24),
                        "stroke", item.color(), "stroke-width", "2.5", "stroke-dasharray", item.dash());
            }
            case POINT -> svg.empty("circle", "cx", Num.px(x0 + 12), "cy", Num.px(cy), "r", "4.5",
                    "fill", item.color());
            case BOX -> svg.empty("rect", "x", Num.px(x0 + 4), "y", Num.px(cy - 6), "width", "16", "height", "12",
                    "fill", item.color(), "fill-opacity", "0.45", "stroke", item.color());
            case BAR -> svg.empty("rect", "x", Num.px(x0 + 4), "y", Num.px(cy - 6), "width", "16", "height", "12",
                    "fill", item.color());
        }
    }

    private double rightAxisWidth() {
        return y2 == null ? 0 : 10 + tickLabelWidth(y2) + (labels.y2().isEmpty() ? 0 : 20);
    }

    private double legendWidth() {
        double text = 0;
        for (LegendItem item : legend) {
            text = Math.max(text, textWidth(item.label(), LABEL_FONT));
        }
        return legend.isEmpty() ? 0 : 14 + 30 + Math.min(LEGEND_TEXT_MAX, text);
    }

    private static double tickLabelWidth(Axis axis) {
        double w = 0;
        for (Axis.Tick t : axis.ticks) {
            w = Math.max(w, textWidth(t.label(), TICK_FONT));
        }
        return w;
    }

    static double textWidth(String s, double font) {
        return s.length() * font * CHAR;
    }

    /** Shortens {@code s} with an ellipsis so that it fits {@code maxWidth} at {@code font}. */
    static String fit(String s, double maxWidth, double font) {
        if (textWidth(s, font) <= maxWidth) {
            return s;
        }
        int chars = Math.min(s.length(), Math.max(1, (int) Math.floor(maxWidth / (font * CHAR)) - 1));
        if (chars > 1 && Character.isHighSurrogate(s.charAt(chars - 1))) {
            chars--; // never split a surrogate pair
        }
        return s.substring(0, chars) + "…";
    }
}
