package dev.reliance.report;

import dev.reliance.util.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds ONE self-contained HTML file: title, intro, sections with figures (inline SVG), tables and
 * notes. Nothing is loaded from outside the file (a Content-Security-Policy forbids it, too), so the
 * report opens offline and years later. Figures are numbered fig1, fig2, ... across the report and
 * can also be written as standalone .svg files. Output is deterministic.
 *
 * <pre>{@code
 * HtmlReport report = new HtmlReport("Reliance report").intro("Networks trained on corrupted labels ...");
 * report.section("Ablation")
 *       .figure("ablation", new LineChart("Cumulative ablation", "fraction ablated", "accuracy", series),
 *               "Mean accuracy over 10 orderings; bands are +-1 SD.")
 *       .table(Table.builder("AUC", "corruption", "AUC").row(0.0, 0.81).row(1.0, 0.42).build())
 *       .note("Training accuracy was 100% for every network.");
 * report.write(Path.of("out/report.html"));
 * report.writeFigures(Path.of("out/figures"));   // out/figures/fig1-ablation.svg
 * }</pre>
 */
public final class HtmlReport {
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final String title;
    private final List<String> intro = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private SvgRenderer renderer = new SvgRenderer();
    private int tableCount;

    /** A numbered figure: {@code id} is "figN", {@code fileName} "figN-slug.svg". */
    public record Figure(String id, String fileName, String svg, String caption) {}

    public HtmlReport(String title) {
        this.title = Arrays2.text(title);
    }

    /** An introductory paragraph; blank lines split it into several paragraphs. */
    public HtmlReport intro(String text) {
        intro.add(Arrays2.text(text));
        return this;
    }

    /** The renderer used for figures added after this call (chart size). */
    public HtmlReport renderer(SvgRenderer r) {
        this.renderer = r;
        return this;
    }

    /** Starts a new section; add content to the returned section. */
    public Section section(String heading) {
        Section s = new Section("sec" + (sections.size() + 1), Arrays2.text(heading));
        sections.add(s);
        return s;
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** The whole page. */
    public String toHtml() {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Xml.escape(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(Xml.escape(title)).append("</h1>\n");
        for (String text : intro) {
            paragraphs(sb, text, "intro");
        }
        if (sections.size() > 1) {
            sb.append("<nav class=\"toc\"><ol>\n");
            for (Section s : sections) {
                sb.append("<li><a href=\"#").append(s.id).append("\">").append(Xml.escape(s.heading))
                        .append("</a></li>\n");
            }
            sb.append("</ol></nav>\n");
        }
        for (Section s : sections) {
            sb.append("<section id=\"").append(s.id).append("\">\n<h2>").append(Xml.escape(s.heading))
                    .append("</h2>\n");
            for (String block : s.blocks) {
                sb.append(block);
            }
            sb.append("</section>\n");
        }
        sb.append("</main>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** Writes the page atomically (readers never see half a file). */
    public void write(Path htmlFile) {
        AtomicFiles.writeString(htmlFile, toHtml());
    }

    /** Writes every figure as {@code dir/figN-slug.svg}; returns the files in figure order. */
    public List<Path> writeFigures(Path dir) {
        List<Path> written = new ArrayList<>();
        for (Figure f : figures) {
            Path p = dir.resolve(f.fileName());
            AtomicFiles.writeString(p, XML_DECLARATION + f.svg());
            written.add(p);
        }
        return written;
    }

    /** A section's content, in the order added. */
    public final class Section {
        private final String id;
        private final String heading;
        private final List<String> blocks = new ArrayList<>();

        private Section(String id, String heading) {
            this.id = id;
            this.heading = heading;
        }

        /** Adds a chart as the next numbered figure; {@code slug} names its .svg file. */
        public Section figure(String slug, Chart chart, String caption) {
            String figId = "fig" + (figures.size() + 1);
            return figureSvg(slug, renderer.render(chart, figId), caption);
        }

        /** Adds an already rendered SVG document as the next numbered figure. */
        public Section figureSvg(String slug, String svg, String caption) {
            String figId = "fig" + (figures.size() + 1);
            String clean = slug(slug);
            Figure f = new Figure(figId, figId + (clean.isEmpty() ? "" : "-" + clean) + ".svg", svg,
                    Arrays2.text(caption));
            figures.add(f);
            blocks.add("<figure class=\"figure\" id=\"" + figId + "\" data-figure=\"" + figId + "\">\n"
                    + stripDeclaration(svg) + "<figcaption><span class=\"fig-num\">Figure " + figures.size()
                    + ".</span> " + Xml.escape(f.caption()) + "</figcaption>\n</figure>\n");
            return this;
        }

        public Section table(Table t) {
            tableCount++;
            blocks.add(tableHtml(t, "tab" + tableCount));
            return this;
        }

        /** Plain text; blank lines split paragraphs. */
        public Section paragraph(String text) {
            StringBuilder sb = new StringBuilder();
            paragraphs(sb, Arrays2.text(text), null);
            blocks.add(sb.toString());
            return this;
        }

        /** A highlighted remark (caveat, deviation from the paper). */
        public Section note(String text) {
            blocks.add("<p class=\"note\">" + Xml.escape(text) + "</p>\n");
            return this;
        }

        /** Preformatted text (configuration, command lines), shown verbatim. */
        public Section preformatted(String text) {
            blocks.add("<pre>" + Xml.escape(text) + "</pre>\n");
            return this;
        }

        public HtmlReport report() {
            return HtmlReport.this;
        }
    }

    private static String tableHtml(Table t, String id) {
        StringBuilder sb = new StringBuilder("<div class=\"table-wrap\">\n<table class=\"table\" data-table=\"")
                .append(id).append("\">\n");
        if (!t.caption().isEmpty()) {
            sb.append("<caption>").append(Xml.escape(t.caption())).append("</caption>\n");
        }
        if (!t.header().isEmpty()) {
            sb.append("<thead><tr>");
            for (String h : t.header()) {
                sb.append("<th>").append(Xml.escape(h)).append("</th>");
            }
            sb.append("</tr></thead>\n");
        }
        sb.append("<tbody>\n");
        for (List<Object> row : t.rows()) {
            sb.append("<tr>");
            int cells = Math.max(row.size(), t.header().size());
            for (int i = 0; i < cells; i++) {
                Object cell = i < row.size() ? row.get(i) : null;
                sb.append(Table.isNumeric(cell) ? "<td class=\"num\">" : "<td>")
                        .append(Xml.escape(t.format(cell))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n</div>\n").toString();
    }

    private static void paragraphs(StringBuilder sb, String text, String cssClass) {
        for (String para : text.split("\\n\\s*\\n")) {
            if (!para.isBlank()) {
                sb.append(cssClass == null ? "<p>" : "<p class=\"" + cssClass + "\">")
                        .append(Xml.escape(para.strip())).append("</p>\n");
            }
        }
    }

    /** File-name part: lower-case letters, digits and dashes, at most 60 characters. */
    static String slug(String s) {
        String out = Arrays2.text(s).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return out.length() > 60 ? out.substring(0, 60).replaceAll("-+$", "") : out;
    }

    private static String stripDeclaration(String svg) {
        String s = svg.startsWith("<?xml") ? svg.substring(svg.indexOf("?>") + 2).stripLeading() : svg;
        return s.endsWith("\n") ? s : s + "\n";
    }

    private static final String CSS = """
            body { margin: 0; background: #f6f6f4; color: #222; font: 15px/1.5 "DejaVu Sans", Arial, Helvetica, sans-serif; }
            main { max-width: 1000px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
            h1 { font-size: 26px; margin: 8px 0 12px; }
            h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #ddd; }
            p.intro { font-size: 16px; }
            p.note { background: #fff8e1; border-left: 4px solid #e69f00; padding: 8px 12px; }
            nav.toc { font-size: 14px; }
            figure.figure { margin: 18px 0; }
            figure.figure svg { display: block; max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { font-size: 14px; color: #444; margin-top: 6px; }
            .fig-num { font-weight: bold; }
            .table-wrap { overflow-x: auto; margin: 14px 0; }
            table.table { border-collapse: collapse; font-size: 14px; }
            table.table caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 4px; }
            table.table th, table.table td { border-bottom: 1px solid #e2e2e2; padding: 4px 10px; text-align: left; }
            table.table thead th { border-bottom: 2px solid #999; }
            table.table td.num { text-align: right; font-variant-numeric: tabular-nums; }
            pre { background: #f4f4f4; padding: 10px; overflow-x: auto; font-size: 13px; }
            """;
}
