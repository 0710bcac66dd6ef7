package dev.reliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    /** A report with one of each chart type, a table and notes (also used by the Chromium test). */
    static HtmlReport fullReport() {
        HtmlReport r = new HtmlReport("Reliance <report> & checks")
                .intro("Networks trained on corrupted labels rely more on single directions.\n\nSecond paragraph.");
        r.section("Ablation and noise")
                .figure("ablation", SampleCharts.ablation(), "Cumulative ablation; bands are +-1 SD over orderings.")
                .figure("noise", SampleCharts.noise(), "Noise added along random directions.")
                .table(Table.builder("Ablation AUC", "corruption", "AUC", "SD", "networks")
                        .row(0.0, 0.812345, 0.0123, 3).row(1.0, 0.41, Double.NaN, 3).row("<all>", null, 1e-7, 6L)
                        .build());
        r.section("Training dynamics").figure("dynamics", SampleCharts.dynamics(), "AUC beside the losses.");
        r.section("Hyperparameters & regularisers")
                .figure("auc-vs-accuracy", SampleCharts.auCvsAccuracy(), "AUC against test accuracy.")
                .figure("Selectivity (BN)", SampleCharts.selectivity(), "Selectivity with and without BN.")
                .figure("dropout", SampleCharts.dropout(), "Dropout.")
                .note("Small-scale run: 2 seeds per setting.")
                .preformatted("reliance train --epochs 40 <cfg>");
        return r;
    }

    @Test
    void figuresAreNumberedInlineSvgsWithCaptions() {
        String html = fullReport().toHtml();
        Matcher m = Pattern.compile("<figure class=\"figure\" id=\"(fig\\d+)\" data-figure=\"(fig\\d+)\">\\n<svg ")
                .matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
            assertEquals("fig" + n, m.group(1));
            assertEquals(m.group(1), m.group(2));
        }
        assertEquals(6, n);
        assertEquals(6, html.split("<figcaption>", -1).length - 1);
        assertTrue(html.contains("<figcaption><span class=\"fig-num\">Figure 1.</span> Cumulative ablation;"));
        // Each inline SVG has its own clip-path id, so figures do not clip each other.
        for (int i = 1; i <= 6; i++) {
            assertTrue(html.contains("id=\"fig" + i + "-clip\""));
        }
    }

    @Test
    void noExternalReferences() {
        String html = fullReport().toHtml();
        String rest = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(rest.contains("http://"), "http:// outside the SVG namespace");
        assertFalse(rest.contains("https://"));
        assertFalse(rest.contains("<script"));
        assertFalse(rest.contains("<link"));
        assertFalse(rest.contains("src="));
        assertFalse(rest.contains("@import") || rest.contains("url(http") || rest.contains("@font-face"));
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(rest);
        while (href.find()) {
            assertTrue(href.group(1).startsWith("#"), href.group(1));
        }
    }

    @Test
    void textIsEscapedAndTablesFormatted() {
        String html = fullReport().toHtml();
        assertTrue(html.contains("<title>Reliance &lt;report&gt; &amp; checks</title>"));
        assertTrue(html.contains("<h2>Hyperparameters &amp; regularisers</h2>"));
        assertTrue(html.contains("<pre>reliance train --epochs 40 &lt;cfg&gt;</pre>"));
        assertTrue(html.contains("<p class=\"intro\">Second paragraph.</p>"));
        assertTrue(html.contains("<tr><td class=\"num\">0</td><td class=\"num\">0.8123</td>"
                + "<td class=\"num\">0.0123</td><td class=\"num\">3</td></tr>"), html);
        assertTrue(html.contains("<td class=\"num\">n/a</td>"));
        assertTrue(html.contains("<tr><td>&lt;all&gt;</td><td></td><td class=\"num\">1e-7</td><td class=\"num\">6</td></tr>"));
        assertTrue(html.contains("<nav class=\"toc\">"));
    }

    @Test
    void outputIsDeterministic() {
        assertEquals(fullReport().toHtml(), fullReport().toHtml());
    }

    @Test
    void writesHtmlAndFigureFiles(@TempDir Path dir) throws Exception {
        HtmlReport r = fullReport();
        Path html = dir.resolve("out/report.html");
        r.write(html);
        assertEquals(r.toHtml(), Files.readString(html));
        List<Path> files = r.writeFigures(dir.resolve("out/figures"));
        assertEquals(List.of("fig1-ablation.svg", "fig2-noise.svg", "fig3-dynamics.svg", "fig4-auc-vs-accuracy.svg",
                "fig5-selectivity-bn.svg", "fig6-dropout.svg"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path p : files) {
            String svg = Files.readString(p);
            assertTrue(svg.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
            SvgDoc.parse(svg);
        }
        try (var listing = Files.list(dir.resolve("out"))) {
            assertEquals(2, listing.count(), "no temp files left behind");
        }
    }

    @Test
    void slugsAreFileNameSafe() {
        assertEquals("a-b-c", HtmlReport.slug("  A / b\\..c  "));
        assertEquals("", HtmlReport.slug("../"));
        assertEquals("", HtmlReport.slug(null));
        HtmlReport r = new HtmlReport("t");
        r.section("s").figureSvg("../", new SvgRenderer().render(SampleCharts.noise()), "c");
        assertEquals("fig1.svg", r.figures().get(0).fileName());
    }

    @Test
    void preRenderedSvgWithDeclarationIsInlinedWithoutIt() {
        HtmlReport r = new HtmlReport("t");
        r.section("s").figureSvg("x", "<?xml version=\"1.0\"?>\n" + new SvgRenderer().render(SampleCharts.noise()), "c");
        String html = r.toHtml();
        assertFalse(html.contains("<?xml"));
        assertEquals(1, RenderCheck.figures(html).size());
        assertTrue(RenderCheck.problems(html).isEmpty());
    }
}
