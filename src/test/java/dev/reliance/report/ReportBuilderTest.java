package dev.reliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reliance.util.UserException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReportBuilder} on fake sweep and run directories: which figures appear, their SVG files,
 * key numbers in captions and tables, rendering in headless Chromium, and one-line errors. The
 * sweep screenshot is kept at target/report-test/sweep-report.png for a human look.
 */
class ReportBuilderTest {
    private static final String DYN = "f0-bn0-d0-s1";
    private static final String MEAN = "f0-bn1-d0-s2";
    static final List<String> SWEEP_SLUGS = List.of("ablation-curves", "noise-curves",
            "ablation-auc-vs-generalization-error", "noise-auc-vs-generalization-error", "dynamics-" + DYN,
            "auc-vs-test-loss-" + DYN, "dropout-ablation-curves", "batch-norm-ablation-curves",
            "ablation-auc-by-setting", "selectivity-histogram", "mutual-information-histogram",
            "importance-vs-selectivity", "importance-vs-mutual-information", "zero-vs-mean-ablation-" + MEAN);
    static final List<String> RUN_SLUGS = List.of("ablation-curves", "noise-curves", "dynamics-run-1",
            "auc-vs-test-loss-run-1", "selectivity-histogram", "mutual-information-histogram",
            "importance-vs-selectivity", "importance-vs-mutual-information", "zero-vs-mean-ablation-run-1");

    private static List<String> expectedFiles(List<String> slugs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            out.add("fig" + (i + 1) + "-" + slugs.get(i) + ".svg");
        }
        return out;
    }

    private static List<String> figureIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<figure class=\"figure\" id=\"(fig\\d+)\" data-figure=\"(fig\\d+)\">").matcher(html);
        while (m.find()) {
            ids.add(m.group(2));
        }
        return ids;
    }

    private static List<String> svgFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted((a, b) -> Integer.compare(num(a), num(b))).toList();
        }
    }

    private static int num(String file) {
        Matcher m = Pattern.compile("fig(\\d+)").matcher(file);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Test
    void sweepReportHasEveryFigureAndItsSvgFile(@TempDir Path tmp) throws Exception {
        Path dir = FakeResults.sweep(tmp.resolve("sweep"));
        Path html = ReportBuilder.write(dir);
        assertEquals(dir.resolve("report.html"), html);
        String page = Files.readString(html);

        List<String> expected = expectedFiles(SWEEP_SLUGS);
        assertEquals(expected, svgFiles(dir.resolve("figures")));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= SWEEP_SLUGS.size(); i++) {
            ids.add("fig" + i);
        }
        assertEquals(ids, figureIds(page));
        for (String f : expected) {
            String svg = Files.readString(dir.resolve("figures").resolve(f));
            assertTrue(svg.startsWith("<?xml") && svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), f);
            assertTrue(RenderCheck.countMarks(svg) > 0, "no data marks in " + f);
        }

        // Key numbers reach the captions and tables.
        assertTrue(page.contains("sweep fake-mnist-sweep"));
        assertTrue(page.contains("Spearman ρ = -0.812 (p = 4.2e-4), Pearson r = -0.77 (p = 0.0013), n = 14"), "fig 3");
        assertTrue(page.contains("AUC starts to decline at epoch 16; train and test loss diverge at epoch 12"));
        assertTrue(page.contains("Spearman ρ = -0.728 (p = 0.011, n = 11)"));
        assertTrue(page.contains("lower AUC = more reliance") || page.contains("Lower AUC = more reliance"));
        assertTrue(page.contains("(networks with BN off, dropout 0: 6 of 14"), "reference setting of fig 1");
        assertTrue(page.contains("<td>" + FakeResults.DYNAMICS_RUN + "</td>"), "runs table");
        assertTrue(page.contains("ablation AUC vs test accuracy</td><td class=\"num\">0.914</td>"), "correlations table");
        assertTrue(page.contains("<tr><td class=\"num\">1</td><td class=\"num\">0.61</td><td class=\"num\">0.2</td>"),
                "model selection table");
        assertTrue(page.contains("<pre>{"), "sweep spec");
        assertFalse(page.contains("Skipped or missing inputs"), "nothing should be skipped");
        // Self-contained: nothing loaded from outside the file.
        String rest = page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(rest.contains("http://") || rest.contains("https://") || rest.contains("<script"));
    }

    @Test
    void sweepReportIsDrawnInABrowser(@TempDir Path tmp) throws Exception {
        Optional<Path> chromium = ChromiumRenderer.locate();
        Assumptions.assumeTrue(chromium.isPresent(), "Chromium not installed");
        Path dir = FakeResults.sweep(tmp.resolve("sweep"));
        Path html = ReportBuilder.write(dir);
        ChromiumRenderer browser = new ChromiumRenderer(chromium.get(), ChromiumRenderer.DEFAULT_TIMEOUT);
        String dom = browser.dumpDom(html);
        assertEquals(List.of(), RenderCheck.problems(dom));
        assertEquals(SWEEP_SLUGS.size(), RenderCheck.figures(dom).size());

        Path png = Path.of("target", "report-test", "sweep-report.png");
        BufferedImage shot = browser.screenshot(html, png, 1100, 2400);
        assertTrue(RenderCheck.nonWhiteFraction(shot) > 0.03, "page looks blank");
        assertTrue(RenderCheck.colouredFraction(shot) > 0.005, "no coloured data marks visible");
        Files.copy(html, png.resolveSibling("sweep-report.html"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void singleRunReport(@TempDir Path tmp) throws Exception {
        Path dir = FakeResults.singleRun(tmp.resolve("run-1"));
        Path html = ReportBuilder.write(dir);
        String page = Files.readString(html);
        assertEquals(expectedFiles(RUN_SLUGS), svgFiles(dir.resolve("figures")));
        assertEquals(RUN_SLUGS.size(), figureIds(page).size());
        assertTrue(page.contains("Reliance report: run run-1"));
        assertTrue(page.contains("importance vs selectivity"), "per-layer correlation table");
        assertFalse(page.contains("generalization-error"), "no across-network figures for one run");
        Files.createDirectories(Path.of("target", "report-test"));
        Files.copy(html, Path.of("target", "report-test", "run-report.html"), StandardCopyOption.REPLACE_EXISTING);

        Optional<Path> chromium = ChromiumRenderer.locate();
        if (chromium.isPresent()) {
            String dom = new ChromiumRenderer(chromium.get(), ChromiumRenderer.DEFAULT_TIMEOUT).dumpDom(html);
            assertEquals(List.of(), RenderCheck.problems(dom));
            assertEquals(RUN_SLUGS.size(), RenderCheck.figures(dom).size());
        }
    }

    @Test
    void missingOptionalDataDropsFiguresAndStaleSvgsAreRemoved(@TempDir Path tmp) throws Exception {
        Path dir = FakeResults.sweep(tmp.resolve("sweep"));
        ReportBuilder.write(dir);
        assertEquals(SWEEP_SLUGS.size(), svgFiles(dir.resolve("figures")).size());
        // Remove dynamics, mean ablation, noise curves, units and correlations; break one summary.
        Files.delete(dir.resolve("correlations.json"));
        for (String id : List.of(FakeResults.DYNAMICS_RUN, FakeResults.MEAN_ABLATION_RUN)) {
            deleteTree(dir.resolve("runs").resolve(id).resolve(id.equals(FakeResults.DYNAMICS_RUN) ? "dynamics"
                    : "analysis-mean"));
        }
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            for (Path r : runs.toList()) {
                Files.delete(r.resolve("analysis/noise_curve.csv"));
                Files.delete(r.resolve("analysis/units.csv"));
            }
        }
        Files.writeString(dir.resolve("runs").resolve(FakeResults.DYNAMICS_RUN).resolve("analysis/summary.json"), "{");
        String page = Files.readString(ReportBuilder.write(dir));
        List<String> slugs = List.of("ablation-curves", "ablation-auc-vs-generalization-error",
                "noise-auc-vs-generalization-error", "dropout-ablation-curves", "batch-norm-ablation-curves",
                "ablation-auc-by-setting");
        assertEquals(expectedFiles(slugs), svgFiles(dir.resolve("figures")));
        assertTrue(page.contains("[computed by the report]"), "correlations computed when correlations.json is missing");
        assertTrue(page.contains("Skipped or missing inputs:") && page.contains("not valid JSON"), "broken file noted");
    }

    @Test
    void notAReportDirectoryIsAOneLineUserError(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("nothing-here"));
        UserException e = assertThrows(UserException.class, () -> ReportBuilder.write(empty));
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a sweep directory"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(empty.resolve("report.html")));

        Path missing = tmp.resolve("missing");
        UserException m = assertThrows(UserException.class, () -> ReportBuilder.write(missing));
        assertTrue(m.getMessage().contains(missing.toString()) && !m.getMessage().contains("\n"), m.getMessage());

        Path badCsv = Files.createDirectories(tmp.resolve("bad-sweep"));
        Files.writeString(badCsv.resolve("runs.csv"), "id,corruption\nr1,abc\n");
        UserException b = assertThrows(UserException.class, () -> ReportBuilder.write(badCsv));
        assertTrue(b.getMessage().contains("runs.csv") && b.getMessage().contains("line 2")
                && !b.getMessage().contains("\n"), b.getMessage());
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
