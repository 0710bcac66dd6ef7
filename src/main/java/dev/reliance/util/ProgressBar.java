package dev.reliance.util;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr: {@code label [#####.....] 50/100 extra ETA 0:12}.
 * Redraws at most every 150 ms on a terminal and every 5 s otherwise (logs stay readable).
 */
public final class ProgressBar {
    private static final int WIDTH = 24;
    private final PrintStream out;
    private final String label;
    private final long total;
    private final long minIntervalNanos;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    public ProgressBar(String label, long total) {
        this(System.err, label, total, System.console() != null);
    }

    ProgressBar(PrintStream out, String label, long total, boolean terminal) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
        this.minIntervalNanos = terminal ? 150_000_000L : 5_000_000_000L;
    }

    public void update(long done, String extra) {
        long now = System.nanoTime();
        if (done < total && drawn && now - lastDraw < minIntervalNanos) return;
        lastDraw = now;
        drawn = true;
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        double elapsed = (now - start) / 1e9;
        String eta = done > 0 ? formatSeconds(elapsed * (total - done) / done) : "?";
        out.print(String.format(Locale.ROOT, "\r%s [%s%s] %d/%d %s ETA %s   ", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, extra == null ? "" : extra, eta));
        out.flush();
    }

    /** Ends the line, leaving the final state visible. */
    public void finish(String extra) {
        lastDraw = 0;
        drawn = false;
        update(total, extra);
        out.println(String.format(Locale.ROOT, " %s", formatSeconds((System.nanoTime() - start) / 1e9)));
    }

    static String formatSeconds(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
                : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }
}
