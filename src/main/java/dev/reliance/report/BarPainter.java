package dev.reliance.report;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link BarChart}: grouped bars per category from a zero baseline, with optional SD error bars. */
final class BarPainter {
    private static final double INNER = 0.8; // share of a category slot used by its bars

    private BarPainter() {}

    static String render(BarChart c, int width, int height, String id) {
        Extent ey = Extent.linear();
        ey.add(0); // bars grow from zero, so zero belongs on the axis
        for (BarGroup g : c.groups()) {
            for (int i = 0; i < g.values().length; i++) {
                double v = g.values()[i];
                ey.add(v);
                if (Double.isFinite(v) && g.sd() != null && Double.isFinite(g.sd()[i])) {
                    ey.add(v + Math.abs(g.sd()[i]));
                    ey.add(v - Math.abs(g.sd()[i]));
                }
            }
        }
        int n = c.groups().size();
        List<LegendItem> legend = new ArrayList<>();
        for (int gi = 0; gi < n; gi++) {
            if (!c.groups().get(gi).name().isEmpty()) {
                legend.add(LegendItem.bar(c.groups().get(gi).name(), c.palette().color(gi, n)));
            }
        }
        Axis y = Axis.linear(ey, c.yMin(), c.yMax());
        Frame f = new Frame(width, height, id, new Frame.Labels(c.title(), c.xLabel(), c.yLabel(), ""),
                null, c.categories(), y, null, legend);
        Svg svg = f.begin();
        double inner = f.slotWidth() * INNER;
        double bw = inner / Math.max(1, n);
        double base = f.py(Math.max(y.lo, Math.min(y.hi, 0)));
        boolean drew = false;
        StringBuilder errors = new StringBuilder();
        for (int gi = 0; gi < n; gi++) {
            BarGroup g = c.groups().get(gi);
            String color = c.palette().color(gi, n);
            for (int ci = 0; ci < c.categories().size(); ci++) {
                double v = g.values()[ci];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double x0 = f.slotCenter(ci) - inner / 2 + gi * bw;
                double top = f.py(v);
                svg.empty("rect", "class", "mark bar", "x", Num.px(x0 + 1), "y", Num.px(Math.min(top, base)),
                        "width", Num.px(Math.max(1, bw - 2)), "height", Num.px(Math.abs(base - top)), "fill", color);
                drew = true;
                if (g.sd() != null && Double.isFinite(g.sd()[ci])) {
                    double cx = x0 + bw / 2;
                    double sd = Math.abs(g.sd()[ci]);
                    double hiPx = f.py(v + sd);
                    double loPx = f.py(v - sd);
                    double cap = Math.min(4, bw / 4);
                    errors.append("M").append(Num.px(cx)).append(' ').append(Num.px(loPx)).append("V")
                            .append(Num.px(hiPx)).append("M").append(Num.px(cx - cap)).append(' ')
                            .append(Num.px(hiPx)).append("H").append(Num.px(cx + cap)).append("M")
                            .append(Num.px(cx - cap)).append(' ').append(Num.px(loPx)).append("H")
                            .append(Num.px(cx + cap));
                }
            }
        }
        if (errors.length() > 0) {
            svg.empty("path", "class", "mark errorbar", "d", errors.toString(), "fill", "none", "stroke", "#222222",
                    "stroke-width", "1.2");
        }
        return f.end(svg, drew);
    }
}
