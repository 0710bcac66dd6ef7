package dev.reliance.report;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link ScatterChart}: one circle per finite point, optional labels, optional least-squares line. */
final class ScatterPainter {
    private ScatterPainter() {}

    static String render(ScatterChart c, int width, int height, String id) {
        Extent ex = Extent.linear();
        Extent ey = Extent.linear();
        for (ScatterGroup g : c.groups()) {
            for (int i = 0; i < g.size(); i++) {
                if (finite(g, i)) {
                    ex.add(g.x()[i]);
                    ey.add(g.y()[i]);
                }
            }
        }
        pad(ex);
        pad(ey);
        Fit fit = c.fitLine() ? Fit.of(c.groups()) : null;
        List<LegendItem> legend = new ArrayList<>();
        int n = c.groups().size();
        for (int gi = 0; gi < n; gi++) {
            if (!c.groups().get(gi).name().isEmpty()) {
                legend.add(LegendItem.point(c.groups().get(gi).name(), c.palette().color(gi, n)));
            }
        }
        if (fit != null) {
            String r = Double.isNaN(fit.r) ? "" : ", r = " + Num.fixed(fit.r, 3);
            legend.add(LegendItem.line("least-squares fit" + r, FIT_COLOR, FIT_DASH, false));
        }
        Frame f = new Frame(width, height, id, new Frame.Labels(c.title(), c.xLabel(), c.yLabel(), ""),
                Axis.linear(ex, null, null), null, Axis.linear(ey, null, null), null, legend);
        Svg svg = f.begin();
        boolean drew = false;
        if (fit != null) {
            double x0 = f.x.lo;
            double x1 = f.x.hi;
            svg.empty("path", "class", "mark fit", "d", "M" + Num.px(f.px(x0)) + " " + Num.px(f.py(fit.at(x0)))
                    + "L" + Num.px(f.px(x1)) + " " + Num.px(f.py(fit.at(x1))), "fill", "none", "stroke", FIT_COLOR,
                    "stroke-width", "1.5", "stroke-dasharray", FIT_DASH);
        }
        for (int gi = 0; gi < n; gi++) {
            ScatterGroup g = c.groups().get(gi);
            String color = c.palette().color(gi, n);
            for (int i = 0; i < g.size(); i++) {
                if (finite(g, i)) {
                    svg.empty("circle", "class", "mark point", "cx", Num.px(f.px(g.x()[i])),
                            "cy", Num.px(f.py(g.y()[i])), "r", "4", "fill", color, "fill-opacity", "0.85",
                            "stroke", "#ffffff", "stroke-width", "0.8");
                    drew = true;
                }
            }
        }
        f.endData(svg);
        drawLabels(svg, f, c.groups());
        return f.end(svg, drew);
    }

    /** 4% slack on each side, so points at the data's extremes are not drawn on the axis lines. */
    private static void pad(Extent e) {
        if (!e.isEmpty() && e.max > e.min) {
            double slack = 0.04 * (e.max - e.min);
            double lo = e.min - slack;
            double hi = e.max + slack;
            e.add(lo);
            e.add(hi);
        }
    }

    private static final String FIT_COLOR = "#333333";
    private static final String FIT_DASH = "6 4";

    /** Point labels sit outside the clipped group so that labels of edge points stay readable. */
    private static void drawLabels(Svg svg, Frame f, List<ScatterGroup> groups) {
        boolean open = false;
        for (ScatterGroup g : groups) {
            if (g.labels() == null) {
                continue;
            }
            for (int i = 0; i < g.size(); i++) {
                String label = g.labels().get(i);
                if (label == null || label.isEmpty() || !finite(g, i)) {
                    continue;
                }
                if (!open) {
                    svg.open("g", "class", "point-labels", "font-size", "10", "fill", "#333333");
                    open = true;
                }
                svg.text("text", label, "x", Num.px(f.px(g.x()[i]) + 6), "y", Num.px(f.py(g.y()[i]) - 6));
            }
        }
        if (open) {
            svg.close("g");
        }
    }

    private static boolean finite(ScatterGroup g, int i) {
        return Double.isFinite(g.x()[i]) && Double.isFinite(g.y()[i]);
    }

    /** Ordinary least squares y = a + b x over all groups' finite points, with Pearson r. */
    record Fit(double a, double b, double r) {
        double at(double x) {
            return a + b * x;
        }

        /** Null when the line is undefined (fewer than two points, or all x equal). */
        static Fit of(List<ScatterGroup> groups) {
            double n = 0;
            double sx = 0;
            double sy = 0;
            for (ScatterGroup g : groups) {
                for (int i = 0; i < g.size(); i++) {
                    if (finite(g, i)) {
                        n++;
                        sx += g.x()[i];
                        sy += g.y()[i];
                    }
                }
            }
            if (n < 2) {
                return null;
            }
            double mx = sx / n;
            double my = sy / n;
            double sxx = 0;
            double syy = 0;
            double sxy = 0;
            for (ScatterGroup g : groups) {
                for (int i = 0; i < g.size(); i++) {
                    if (finite(g, i)) {
                        double dx = g.x()[i] - mx;
                        double dy = g.y()[i] - my;
                        sxx += dx * dx;
                        syy += dy * dy;
                        sxy += dx * dy;
                    }
                }
            }
            if (!(sxx > 0)) {
                return null;
            }
            double b = sxy / sxx;
            double r = syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
            return new Fit(my - b * mx, b, r);
        }
    }
}
