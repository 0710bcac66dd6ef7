package dev.reliance.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Chart} as a standalone SVG document (with xmlns, viewBox, width and height).
 * Output is deterministic: the same chart gives byte-identical SVG. The result carries no XML
 * declaration, so it can be inlined into HTML as is.
 */
public final class SvgRenderer {
    public static final int DEFAULT_WIDTH = 720;
    public static final int DEFAULT_HEIGHT = 440;

    private final int width;
    private final int height;

    public SvgRenderer() {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    public SvgRenderer(int width, int height) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("chart size must be at least 200x150, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Renders with element ids prefixed "chart". */
    public String render(Chart chart) {
        return render(chart, "chart");
    }

    /**
     * Renders with element ids (clip path, title) starting with {@code idPrefix}; give each chart
     * inlined into one HTML page its own prefix, because ids are shared across the page.
     */
    public String render(Chart chart, String idPrefix) {
        String id = safeId(idPrefix);
        if (chart instanceof LineChart c) {
            return line(c, id);
        } else if (chart instanceof DualAxisChart c) {
            return dual(c, id);
        } else if (chart instanceof ScatterChart c) {
            return ScatterPainter.render(c, width, height, id);
        } else if (chart instanceof Histogram c) {
            return HistogramPainter.render(c, width, height, id);
        } else if (chart instanceof BarChart c) {
            return BarPainter.render(c, width, height, id);
        }
        throw new IllegalArgumentException("unknown chart type " + chart.getClass().getName());
    }

    private String line(LineChart c, String id) {
        Extent ex = new Extent(c.logX());
        Extent ey = Extent.linear();
        LinePainter.extents(c.series(), ex, ey);
        Axis x = c.logX() ? Axis.log(ex) : Axis.linear(ex, null, null);
        Axis y = Axis.linear(ey, c.yMin(), c.yMax());
        List<LinePainter.Styled> styled = new ArrayList<>();
        List<LegendItem> legend = new ArrayList<>();
        int n = c.series().size();
        for (int i = 0; i < n; i++) {
            Series s = c.series().get(i);
            LinePainter.Styled st = new LinePainter.Styled(s, c.palette().color(i, n), c.palette().dash(i), false);
            styled.add(st);
            if (!s.name().isEmpty()) {
                legend.add(LegendItem.line(s.name(), st.color(), st.dash(), s.sd() != null));
            }
        }
        Frame f = new Frame(width, height, id, new Frame.Labels(c.title(), c.xLabel(), c.yLabel(), ""),
                x, null, y, null, legend);
        Svg svg = f.begin();
        return f.end(svg, LinePainter.draw(svg, f, styled));
    }

    /** Left series solid, right series dashed, colours continuing across both so none repeats. */
    private String dual(DualAxisChart c, String id) {
        Extent ex = new Extent(c.logX());
        Extent ey = Extent.linear();
        Extent ey2 = Extent.linear();
        LinePainter.extents(c.left(), ex, ey);
        LinePainter.extents(c.right(), ex, ey2);
        Axis x = c.logX() ? Axis.log(ex) : Axis.linear(ex, null, null);
        List<LinePainter.Styled> styled = new ArrayList<>();
        List<LegendItem> legend = new ArrayList<>();
        List<Series> all = new ArrayList<>(c.left());
        all.addAll(c.right());
        for (int i = 0; i < all.size(); i++) {
            boolean right = i >= c.left().size();
            Series s = all.get(i);
            String dash = right ? "7 4" : null;
            LinePainter.Styled st = new LinePainter.Styled(s, Palette.CATEGORICAL.color(i, all.size()), dash, right);
            styled.add(st);
            if (!s.name().isEmpty()) {
                legend.add(LegendItem.line(s.name() + (right ? " (right)" : " (left)"), st.color(), dash,
                        s.sd() != null));
            }
        }
        Frame f = new Frame(width, height, id,
                new Frame.Labels(c.title(), c.xLabel(), c.leftLabel(), c.rightLabel()),
                x, null, Axis.linear(ey, null, null), Axis.linear(ey2, null, null), legend);
        Svg svg = f.begin();
        return f.end(svg, LinePainter.draw(svg, f, styled));
    }

    /** Ids must be XML names: keep letters, digits, '-' and '_', and start with a letter. */
    static String safeId(String prefix) {
        String p = prefix == null ? "" : prefix.replaceAll("[^A-Za-z0-9_-]", "-");
        return p.isEmpty() || !Character.isLetter(p.charAt(0)) ? "c" + p : p;
    }
}
