package dev.reliance.report;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link Histogram}: each sample as one filled, semi-transparent step outline over shared bins. */
final class HistogramPainter {
    private HistogramPainter() {}

    static String render(Histogram h, int width, int height, String id) {
        double[] range = range(h);
        double lo = range[0];
        double hi = range[1];
        int bins = h.bins();
        List<double[]> heights = new ArrayList<>();
        Extent ey = Extent.linear();
        for (Histogram.Sample s : h.samples()) {
            double[] counts = new double[bins];
            int total = 0;
            for (double v : s.values()) {
                if (Double.isFinite(v) && v >= lo && v <= hi) {
                    counts[Math.min(bins - 1, (int) Math.floor((v - lo) / (hi - lo) * bins))]++;
                    total++;
                }
            }
            for (int b = 0; b < bins; b++) {
                counts[b] = h.normalized() && total > 0 ? counts[b] / total : counts[b];
                ey.add(counts[b]);
            }
            heights.add(total > 0 ? counts : null);
        }
        Extent ex = Extent.linear();
        ex.add(lo);
        ex.add(hi);
        List<LegendItem> legend = new ArrayList<>();
        int n = h.samples().size();
        for (int i = 0; i < n; i++) {
            if (!h.samples().get(i).name().isEmpty()) {
                legend.add(LegendItem.box(h.samples().get(i).name(), Palette.CATEGORICAL.color(i, n)));
            }
        }
        String yLabel = h.normalized() ? "fraction of sample" : "count";
        Frame f = new Frame(width, height, id, new Frame.Labels(h.title(), h.xLabel(), yLabel, ""),
                Axis.linear(ex, lo, hi), null, Axis.linear(ey, 0.0, null), null, legend);
        Svg svg = f.begin();
        boolean drew = false;
        for (int i = 0; i < n; i++) {
            double[] c = heights.get(i);
            if (c == null) {
                continue;
            }
            String color = Palette.CATEGORICAL.color(i, n);
            StringBuilder d = new StringBuilder("M").append(Num.px(f.px(lo))).append(' ').append(Num.px(f.py(0)));
            for (int b = 0; b < bins; b++) {
                double y = f.py(c[b]);
                d.append("L").append(Num.px(f.px(lo + (hi - lo) * b / bins))).append(' ').append(Num.px(y));
                d.append("L").append(Num.px(f.px(lo + (hi - lo) * (b + 1) / bins))).append(' ').append(Num.px(y));
            }
            d.append("L").append(Num.px(f.px(hi))).append(' ').append(Num.px(f.py(0))).append("Z");
            svg.empty("path", "class", "mark hist", "data-series", h.samples().get(i).name(), "d", d.toString(),
                    "fill", color, "fill-opacity", "0.35", "stroke", color, "stroke-width", "1.5");
            drew = true;
        }
        return f.end(svg, drew);
    }

    /** The binned range: fixed ends where given, else the pooled finite data; never of zero width. */
    private static double[] range(Histogram h) {
        Extent e = Extent.linear();
        for (Histogram.Sample s : h.samples()) {
            for (double v : s.values()) {
                e.add(v);
            }
        }
        boolean loFixed = h.xMin() != null && Double.isFinite(h.xMin());
        boolean hiFixed = h.xMax() != null && Double.isFinite(h.xMax());
        double lo = loFixed ? h.xMin() : (e.isEmpty() ? 0 : e.min);
        double hi = hiFixed ? h.xMax() : (e.isEmpty() ? 1 : e.max);
        if (!(hi > lo)) {
            // Constant data (or a reversed fixed range): one unit from the fixed end, else centred.
            if (loFixed && !hiFixed) {
                hi = lo + 1;
            } else if (hiFixed && !loFixed) {
                lo = hi - 1;
            } else {
                lo -= 0.5;
                hi = lo + 1;
            }
        }
        return new double[] {lo, hi};
    }
}
