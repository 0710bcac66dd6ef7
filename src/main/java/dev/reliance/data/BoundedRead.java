package dev.reliance.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Opening data files (gzip detected by content) and reading byte counts taken from untrusted headers. */
final class BoundedRead {
    /** Deflate cannot expand data by more than about 1032:1; anything beyond is a lying header. */
    static final long MAX_GZIP_RATIO = 1100;
    /** Largest Java array we allow (a little below Integer.MAX_VALUE, as the JVM requires). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private BoundedRead() {}

    /** An open data file: the (decompressed) content stream, whether it was gzip, and its size on disk. */
    record Source(InputStream in, boolean gzip, long fileSize) implements AutoCloseable {
        /** The most content bytes this file can plausibly hold. */
        long maxContentBytes() {
            return gzip ? MAX_GZIP_RATIO * fileSize + 4096 : fileSize;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Opens {@code file}, decompressing it when it starts with the gzip magic 0x1f8b (whatever its name). */
    static Source open(Path file) throws IOException {
        long size = Files.size(file);
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        try {
            raw.mark(2);
            int b1 = raw.read(), b2 = raw.read();
            raw.reset();
            boolean gzip = b1 == 0x1f && b2 == 0x8b;
            return new Source(gzip ? new StrictGzipInputStream(raw) : raw, gzip, size);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Reads exactly {@code n} bytes. The buffer grows as data actually arrives, so a header that
     * promises more than the stream holds costs no more memory than the stream's real content.
     */
    static byte[] readExactly(InputStream in, long n, String what) throws IOException {
        if (n < 0 || n > MAX_ARRAY) throw new IOException(what + ": absurd size " + n);
        byte[] buf = new byte[(int) Math.min(n, 1 << 20)];
        int filled = 0;
        while (filled < n) {
            if (filled == buf.length) buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
            int k = in.read(buf, filled, buf.length - filled);
            if (k < 0) throw new EOFException("truncated: " + what + " should be " + n + " bytes, found " + filled);
            filled += k;
        }
        return buf;
    }

    /** Fails when the stream holds anything beyond what was read. */
    static void expectEnd(InputStream in, String what) throws IOException {
        if (in.read() >= 0) throw new IOException("trailing bytes after " + what);
    }

    /** A one-line form of an exception message, for user-facing errors. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
        return m.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
