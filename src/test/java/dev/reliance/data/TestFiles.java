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
}
