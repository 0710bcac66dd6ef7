package dev.reliance.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Draws line series: SD bands first, then lines, then point markers, so no band hides a line. */
final class LinePainter {
    /** Series with few points get a marker on every point; longer ones only on isolated points. */
    private static final int MARKER_LIMIT = 25;

    /** A series with its look and its y axis (left or right). */
    record Styled(Series series, String color, String dash, boolean rightAxis) {}

    private LinePainter() {}

    /** Returns whether anything was drawn. */
    static boolean draw(Svg svg, Frame f, List<Styled> all) {
        boolean drew = false;
        for (Styled s : all) {
            drew |= band(svg, f, s);
        }
        for (Styled s : all) {
            drew |= line(svg, f, s);
        }
        for (Styled s : all) {
            drew |= markers(svg, f, s);
        }
        return drew;
    }

    /** Adds the x values a series can place on the axis to {@code x}, and its y (with +-SD) to {@code y}. */
    static void extents(List<Series> series, Extent x, Extent y) {
        for (Series s : series) {
            for (int i = 0; i < s.size(); i++) {
                if (x.accepts(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    x.add(s.x()[i]);
                    y.add(s.y()[i]);
                    if (s.sd() != null && Double.isFinite(s.sd()[i])) {
                        y.add(s.y()[i] + Math.abs(s.sd()[i]));
                        y.add(s.y()[i] - Math.abs(s.sd()[i]));
                    }
                }
            }
        }
    }

    private static boolean band(Svg svg, Frame f, Styled st) {
        Series s = st.series();
        if (s.sd() == null) {
            return false;
        }
        boolean drew = false;
        for (int[] run : runs(s.size(), i -> drawable(f, s, i) && Double.isFinite(s.sd()[i]))) {
            if (run[1] - run[0] < 2) {
                continue;
            }
            StringBuilder pts = new StringBuilder();
            for (int i = run[0]; i < run[1]; i++) {
                point(pts, f.px(s.x()[i]), y(f, st, s.y()[i] + Math.abs(s.sd()[i])));
            }
            for (int i = run[1] - 1; i >= run[0]; i--) {
                point(pts, f.px(s.x()[i]), y(f, st, s.y()[i] - Math.abs(s.sd()[i])));
            }
            svg.empty("polygon", "class", "mark band", "points", pts.toString().trim(), "fill", st.color(),
                    "fill-opacity", "0.18", "stroke", "none");
            drew = true;
        }
        return drew;
    }

    private static boolean line(Svg svg, Frame f, Styled st) {
        Series s = st.series();
        StringBuilder d = new StringBuilder();
        for (int[] run : runs(s.size(), i -> drawable(f, s, i))) {
            if (run[1] - run[0] < 2) {
                continue; // an isolated point is drawn as a marker instead
            }
            for (int i = run[0]; i < run[1]; i++) {
                d.append(i == run[0] ? "M" : "L").append(Num.px(f.px(s.x()[i]))).append(' ')
                        .append(Num.px(y(f, st, s.y()[i])));
            }
        }
        if (d.length() == 0) {
            return false;
        }
        svg.empty("path", "class", "mark line", "data-series", s.name(), "d", d.toString(), "fill", "none",
                "stroke", st.color(), "stroke-width", "2", "stroke-linejoin", "round", "stroke-linecap", "round",
                "stroke-dasharray", st.dash());
        return true;
    }

    private static boolean markers(Svg svg, Frame f, Styled st) {
        Series s = st.series();
        List<int[]> runs = runs(s.size(), i -> drawable(f, s, i));
        int total = runs.stream().mapToInt(r -> r[1] - r[0]).sum();
        boolean drew = false;
        for (int[] run : runs) {
            if (total > MARKER_LIMIT && run[1] - run[0] > 1) {
                continue;
            }
            for (int i = run[0]; i < run[1]; i++) {
                svg.empty("circle", "class", "mark point", "cx", Num.px(f.px(s.x()[i])),
                        "cy", Num.px(y(f, st, s.y()[i])), "r", "2.8", "fill", st.color());
                drew = true;
            }
        }
        return drew;
    }

    private static boolean drawable(Frame f, Series s, int i) {
        return f.x.accepts(s.x()[i]) && Double.isFinite(s.y()[i]);
    }

    private static double y(Frame f, Styled st, double v) {
        return st.rightAxis() ? f.py2(v) : f.py(v);
    }

    private static void point(StringBuilder sb, double x, double y) {
        sb.append(Num.px(x)).append(',').append(Num.px(y)).append(' ');
    }

    /** Maximal runs [start, end) of consecutive indices satisfying {@code ok}: gaps split lines at NaN. */
    static List<int[]> runs(int n, IntPredicate ok) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean good = i < n && ok.test(i);
            if (good && start < 0) {
                start = i;
            } else if (!good && start >= 0) {
                runs.add(new int[] {start, i});
                start = -1;
            }
        }
        return runs;
    }
}
