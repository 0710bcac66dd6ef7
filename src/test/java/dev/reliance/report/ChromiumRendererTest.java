package dev.reliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a report with one of each chart type in headless Chromium and checks that every figure
 * is drawn. Skipped where Chromium is not installed (CI installs it). The screenshot is kept at
 * target/report-test/report.png for a human look.
 */
class ChromiumRendererTest {
    @Test
    void everyFigureIsDrawnInABrowser(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = ChromiumRenderer.locate();
        Assumptions.assumeTrue(chromium.isPresent(), "Chromium not installed");
        ChromiumRenderer browser = new ChromiumRenderer(chromium.get(), ChromiumRenderer.DEFAULT_TIMEOUT);
        HtmlReport report = HtmlReportTest.fullReport();
        Path html = dir.resolve("report.html");
        report.write(html);

        String dom = browser.dumpDom(html);
        List<RenderCheck.FigureStatus> figures = RenderCheck.figures(dom);
        assertEquals(report.figures().size(), figures.size(), dom);
        assertEquals(List.of(), RenderCheck.problems(dom));
        assertEquals(List.of("fig1", "fig2", "fig3", "fig4", "fig5", "fig6"),
                figures.stream().map(RenderCheck.FigureStatus::id).toList());

        Path png = Path.of("target", "report-test", "report.png");
        BufferedImage shot = browser.screenshot(html, png, 1200, 3600);
        assertEquals(1200, shot.getWidth());
        double ink = RenderCheck.nonWhiteFraction(shot);
        double colour = RenderCheck.colouredFraction(shot);
        assertTrue(ink > 0.03, "page looks blank: non-white fraction " + ink);
        assertTrue(colour > 0.005, "no coloured data marks visible: coloured fraction " + colour);
        Files.copy(html, png.resolveSibling("report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A stand-in "browser": a shell script, so timeout and failure handling are tested without Chromium. */
    private static Path fakeBrowser(Path dir, String body) throws IOException {
        Path script = dir.resolve("fake-chromium.sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void hangingBrowserIsKilledAfterTheTimeout(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path fake = fakeBrowser(dir, "sleep 30 & echo $! > " + pidFile + "; wait");
        ChromiumRenderer browser = new ChromiumRenderer(fake, Duration.ofMillis(500));
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> browser.dumpDom(dir.resolve("x.html")));
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
        long child = Long.parseLong(Files.readString(pidFile).trim());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true),
                "child process of the browser was left running");
    }

    @Test
    void failingBrowserReportsItsStderr(@TempDir Path dir) throws Exception {
        Path fake = fakeBrowser(dir, "echo 'cannot open display' >&2; exit 3");
        ChromiumRenderer browser = new ChromiumRenderer(fake, Duration.ofSeconds(10));
        IOException e = assertThrows(IOException.class, () -> browser.dumpDom(dir.resolve("x.html")));
        assertTrue(e.getMessage().contains("exited with 3") && e.getMessage().contains("cannot open display"),
                e.getMessage());
    }

    @Test
    void browserPassesTheFileUrlAndIsolationFlags(@TempDir Path dir) throws Exception {
        Path fake = fakeBrowser(dir, "for a in \"$@\"; do echo \"$a\"; done");
        String out = new ChromiumRenderer(fake, Duration.ofSeconds(10)).dumpDom(dir.resolve("r.html"));
        List<String> args = out.lines().toList();
        assertTrue(args.containsAll(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--dump-dom")), out);
        assertTrue(args.stream().anyMatch(a -> a.startsWith("--user-data-dir=")));
        assertEquals(dir.resolve("r.html").toAbsolutePath().toUri().toString(), args.get(args.size() - 1));
    }
}
