package dev.reliance.data;

import dev.reliance.util.AtomicFiles;
import dev.reliance.util.UserException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A minimal reader for .tar.gz archives (ustar/GNU headers: 512-byte blocks, octal sizes)
 * that extracts only regular files with expected base names, flat into one folder. Entry
 * paths are never used to build output paths, so hostile names ("../x", "/etc/x") cannot
 * write anywhere else.
 */
final class TarExtractor {
    private static final int BLOCK = 512;

    private TarExtractor() {}

    /**
     * Extracts the entries whose path is {@code prefix + name} or {@code name} for a name in
     * {@code wanted} into {@code destDir}; returns the names extracted. Entries larger than
     * {@code maxEntryBytes} are an error.
     */
    static Set<String> extract(Path archive, Path destDir, Set<String> wanted, String prefix, long maxEntryBytes) {
        Set<String> done = new HashSet<>();
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(
                new BufferedInputStream(Files.newInputStream(archive), 64 * 1024)))) {
            byte[] header = new byte[BLOCK];
            while (true) {
                if (in.read(header, 0, 1) < 0) break; // archive without end-of-archive blocks
                in.readFully(header, 1, BLOCK - 1);
                if (isZero(header)) break;
                checkChecksum(header);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                String path = entryPath(header);
                String name = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
                boolean regular = type == '0' || type == '\0';
                if (regular && wanted.contains(name)) {
                    if (size > maxEntryBytes) throw new IOException("entry " + path + " is too large (" + size + " bytes)");
                    AtomicFiles.write(destDir.resolve(name), out -> copy(in, out, size));
                    done.add(name);
                    skip(in, padding(size));
                } else {
                    skip(in, size + padding(size));
                }
            }
        } catch (IOException e) {
            throw new UserException(archive + ": corrupt tar.gz archive (" + BoundedRead.oneLine(e) + ")", e);
        } catch (UncheckedIOException e) { // from AtomicFiles: a truncated entry or an unwritable folder
            throw new UserException(archive + ": cannot extract (" + BoundedRead.oneLine(e.getCause()) + ")", e);
        }
        return done;
    }

    private static String entryPath(byte[] h) {
        String name = cString(h, 0, 100);
        String magic = cString(h, 257, 6);
        String prefix = magic.startsWith("ustar") ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static void checkChecksum(byte[] h) throws IOException {
        long stored = octal(h, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        if (sum != stored) throw new IOException("bad tar header checksum");
    }

    /** Parses an octal field (NUL/space padded). Base-256 sizes (files >= 8 GiB) are rejected. */
    static long octal(byte[] h, int off, int len) throws IOException {
        if ((h[off] & 0x80) != 0) throw new IOException("unsupported tar size encoding");
        long v = 0;
        boolean digits = false;
        for (int i = off; i < off + len; i++) {
            int c = h[i];
            if (c == 0 || c == ' ') {
                if (digits) break;
                continue;
            }
            if (c < '0' || c > '7') throw new IOException("bad octal number in tar header");
            v = v * 8 + (c - '0');
            digits = true;
        }
        return v;
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) throw new EOFException("truncated archive");
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long n) throws IOException {
        try {
            in.skipNBytes(n);
        } catch (EOFException e) {
            throw new EOFException("truncated archive");
        }
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private static boolean isZero(byte[] h) {
        for (byte b : h) if (b != 0) return false;
        return true;
    }

    private static String cString(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) end++;
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }
}
