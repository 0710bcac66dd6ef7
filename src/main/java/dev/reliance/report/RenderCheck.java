package dev.reliance.report;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on what a browser rendered: that every report figure holds an SVG with drawn data marks
 * (elements of class "mark" with non-empty geometry), and that a screenshot is not blank. Works on
 * Chromium's serialized DOM, which is HTML rather than XML, hence patterns instead of a parser.
 */
public final class RenderCheck {
    private static final Pattern FIGURE = Pattern.compile("<figure\\b([^>]*)>(.*?)</figure>", Pattern.DOTALL);
    private static final Pattern DATA_FIGURE = Pattern.compile("data-figure=\"([^\"]*)\"");
    private static final Pattern ELEMENT =
            Pattern.compile("<(path|polyline|polygon|circle|rect|line)\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern MARK_CLASS = Pattern.compile("\\bclass=\"(?:[^\"]*\\s)?mark(?:\\s[^\"]*)?\"");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private RenderCheck() {}

    /** One figure as found in the DOM. */
    public record FigureStatus(String id, boolean hasSvg, int marks) {
        public boolean drawn() {
            return hasSvg && marks > 0;
        }
    }

    public static List<FigureStatus> figures(String dom) {
        List<FigureStatus> out = new ArrayList<>();
        Matcher m = FIGURE.matcher(dom);
        while (m.find()) {
            Matcher id = DATA_FIGURE.matcher(m.group(1));
            String body = m.group(2);
            int svgStart = body.indexOf("<svg");
            int svgEnd = body.lastIndexOf("</svg>");
            boolean hasSvg = svgStart >= 0 && svgEnd > svgStart;
            out.add(new FigureStatus(id.find() ? id.group(1) : "", hasSvg,
                    hasSvg ? countMarks(body.substring(svgStart, svgEnd)) : 0));
        }
        return out;
    }

    /** Human-readable problems; empty when there is at least one figure and every figure is drawn. */
    public static List<String> problems(String dom) {
        List<String> problems = new ArrayList<>();
        List<FigureStatus> figures = figures(dom);
        if (figures.isEmpty()) {
            problems.add("no <figure> elements in the page");
        }
        for (FigureStatus f : figures) {
            if (!f.hasSvg()) {
                problems.add("figure '" + f.id() + "' has no <svg>");
            } else if (f.marks() == 0) {
                problems.add("figure '" + f.id() + "' has an <svg> without drawn marks");
            }
        }
        return problems;
    }

    /** Data marks with geometry: a path with a d, a polygon with points, a circle or rect with extent. */
    static int countMarks(String svg) {
        int count = 0;
        Matcher m = ELEMENT.matcher(svg);
        while (m.find()) {
            String attrs = m.group(2);
            if (MARK_CLASS.matcher(attrs).find() && hasGeometry(m.group(1), attrs)) {
                count++;
            }
        }
        return count;
    }

    private static boolean hasGeometry(String tag, String attrs) {
        return switch (tag) {
            case "path" -> hasNumber(attr(attrs, "d"));
            case "polyline", "polygon" -> hasNumber(attr(attrs, "points"));
            case "circle" -> positive(attr(attrs, "r")) && hasNumber(attr(attrs, "cx"));
            case "rect" -> positive(attr(attrs, "width")) && positive(attr(attrs, "height"));
            default -> hasNumber(attr(attrs, "x1")) && hasNumber(attr(attrs, "x2"));
        };
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : "";
    }

    private static boolean hasNumber(String s) {
        return NUMBER.matcher(s).find();
    }

    private static boolean positive(String s) {
        try {
            return Double.parseDouble(s.trim()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Share of pixels that are not near-white (any channel below 240). */
    public static double nonWhiteFraction(BufferedImage image) {
        long count = 0;
        for (int yy = 0; yy < image.getHeight(); yy++) {
            for (int xx = 0; xx < image.getWidth(); xx++) {
                int rgb = image.getRGB(xx, yy);
                if (((rgb >> 16) & 0xFF) < 240 || ((rgb >> 8) & 0xFF) < 240 || (rgb & 0xFF) < 240) {
                    count++;
                }
            }
        }
        return count / (double) ((long) image.getWidth() * image.getHeight());
    }

    /** Share of clearly coloured pixels (channel spread above 60): data marks, not black text or grey grid. */
    public static double colouredFraction(BufferedImage image) {
        long count = 0;
        for (int yy = 0; yy < image.getHeight(); yy++) {
            for (int xx = 0; xx < image.getWidth(); xx++) {
                int rgb = image.getRGB(xx, yy);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    count++;
                }
            }
        }
        return count / (double) ((long) image.getWidth() * image.getHeight());
    }
}
