package dev.reliance.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reliance.util.UserException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.function.Executable;

/** Helpers that build (possibly hostile) data files for the tests. */
final class TestFiles {
    private TestFiles() {}

    /** Big-endian 32-bit ints followed by payload bytes. */
    static byte[] idx(int[] header, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 * header.length + payload.length);
        for (int h : header) b.putInt(h);
        b.put(payload);
        return b.array();
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
                gz.write(data);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] data) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deterministic pseudo-random bytes. */
    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    /** Asserts a one-line UserException whose message contains every fragment. */
    static UserException assertUserError(Executable action, String... fragments) {
        UserException e = assertThrows(UserException.class, action);
        String m = e.getMessage();
        assertFalse(m.contains("\n") || m.contains("\r"), "not one line: " + m);
        for (String f : fragments) assertTrue(m.contains(f), "message lacks '" + f + "': " + m);
        return e;
    }

    /** One tar entry (ustar header + data padded to 512 bytes). */
    static byte[] tarEntry(String name, char type, byte[] data) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
        putAscii(h, 100, "0000644\0");
        putAscii(h, 108, "0000000\0");
        putAscii(h, 116, "0000000\0");
        putAscii(h, 124, String.format("%011o\0", data.length));
        putAscii(h, 136, "00000000000\0");
        h[156] = (byte) type;
        putAscii(h, 257, "ustar\0");
        putAscii(h, 263, "00");
        putAscii(h, 148, "        ");
        int sum = 0;
        for (byte b : h) sum += b & 0xff;
        putAscii(h, 148, String.format("%06o\0 ", sum));
        int padded = (data.length + 511) / 512 * 512;
        byte[] out = new byte[512 + padded];
        System.arraycopy(h, 0, out, 0, 512);
        System.arraycopy(data, 0, out, 512, data.length);
        return out;
    }

    /** A .tar.gz of the given entries followed by the two zero end blocks. */
    static byte[] tarGz(byte[]... entries) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        for (byte[] e : entries) bos.writeBytes(e);
        bos.writeBytes(new byte[1024]);
        return gzip(bos.toByteArray());
    }

    /** A CIFAR-10 batch of n records with labels {@code i % 10} and seeded pixels. */
    static byte[] cifarBatch(int n, long seed) {
        byte[] b = bytes(n * Cifar10Reader.RECORD_BYTES, seed);
        for (int i = 0; i < n; i++) b[i * Cifar10Reader.RECORD_BYTES] = (byte) (i % 10);
        return b;
    }

    private static void putAscii(byte[] h, int off, String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }
}
