package dev.reliance.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Renders a local HTML file in headless Chromium: the DOM after rendering ({@code --dump-dom}) or
 * a PNG screenshot. Used to check that a report really draws in a browser. Each call runs a fresh
 * Chromium with its own throw-away profile and no network features, bounded by a timeout after
 * which Chromium and its child processes are killed.
 */
public final class ChromiumRenderer {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> CANDIDATES =
            List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

    private final Path executable;
    private final Duration timeout;

    public ChromiumRenderer(Path executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /** The first executable Chromium among the usual install paths, if any. */
    public static Optional<Path> locate() {
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** The serialized DOM of {@code htmlFile} after Chromium has loaded and rendered it. */
    public String dumpDom(Path htmlFile) throws IOException {
        return run(htmlFile, List.of("--dump-dom"), null);
    }

    /** Takes a {@code width} x {@code height} screenshot of {@code htmlFile} into {@code pngOut} and decodes it. */
    public BufferedImage screenshot(Path htmlFile, Path pngOut, int width, int height) throws IOException {
        Path png = pngOut.toAbsolutePath();
        Files.deleteIfExists(png);
        Files.createDirectories(png.getParent());
        run(htmlFile, List.of("--screenshot=" + png, "--window-size=" + width + "," + height,
                "--hide-scrollbars", "--force-device-scale-factor=1"), png);
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException("Chromium wrote no decodable PNG at " + png);
        }
        return image;
    }

    private String run(Path htmlFile, List<String> action, Path expectedFile) throws IOException {
        Path work = Files.createTempDirectory("reliance-chromium-");
        try {
            Path stdout = work.resolve("stdout.txt");
            Path stderr = work.resolve("stderr.txt");
            List<String> cmd = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--disable-extensions", "--mute-audio", "--user-data-dir=" + work.resolve("profile")));
            cmd.addAll(action);
            cmd.add(htmlFile.toAbsolutePath().toUri().toString());
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .start();
            waitOrKill(p);
            if (p.exitValue() != 0) {
                throw new IOException("Chromium exited with " + p.exitValue() + ": " + tail(stderr));
            }
            if (expectedFile != null && !Files.isRegularFile(expectedFile)) {
                throw new IOException("Chromium did not write " + expectedFile + ": " + tail(stderr));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            deleteTree(work);
        }
    }

    private void waitOrKill(Process p) throws IOException {
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new IOException("Chromium did not finish within " + timeout.toSeconds() + " s; killed");
            }
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for Chromium");
        }
    }

    /** Kills the Chromium we started and its helpers (renderer, zygote), by process handle only. */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(no stderr)";
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temp profile is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort, as above
        }
    }
}
