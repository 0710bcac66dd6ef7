package dev.reliance.data;

import dev.reliance.util.AtomicFiles;
import dev.reliance.util.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Downloads one file into place: streamed into a hidden temp file beside the target while
 * hashing, kept (atomic rename) only when its SHA-256 matches. Progress goes to {@code log}.
 */
final class Downloader {
    /** Bound for downloads of unknown size, so a misbehaving server cannot fill the disk. */
    static final long MAX_UNKNOWN_SIZE = 1L << 30;

    /** A network-level failure (no connection, HTTP error, timeout); the message is a short reason. */
    static final class NetworkFailure extends RuntimeException {
        NetworkFailure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final PrintStream log;
    private final int connectTimeoutMs;
    private final int readTimeoutMs;

    Downloader(PrintStream log, int connectTimeoutMs, int readTimeoutMs) {
        this.log = log;
        this.connectTimeoutMs = connectTimeoutMs;
        this.readTimeoutMs = readTimeoutMs;
    }

    /** Fetches {@code url} into {@code target}; {@code expectedSize} 0 means unknown. */
    void fetch(String url, Path target, String sha256, long expectedSize) {
        long max = expectedSize > 0 ? expectedSize : MAX_UNKNOWN_SIZE;
        HttpURLConnection c = connect(url);
        try {
            long length = c.getContentLengthLong();
            if (length > max) throw new NetworkFailure("server announces " + length + " bytes, expected " + max, null);
            AtomicFiles.write(target, out -> {
                String got = copyHashing(c, out, length, max, url);
                if (!got.equalsIgnoreCase(sha256)) {
                    throw new UserException(url + ": SHA-256 mismatch (got " + got + ", expected " + sha256
                            + "); the download was not kept");
                }
            });
        } catch (UncheckedIOException e) {
            throw new UserException(target + ": cannot save the download (" + BoundedRead.oneLine(e) + ")", e);
        } finally {
            c.disconnect();
        }
    }

    private HttpURLConnection connect(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(connectTimeoutMs);
            c.setReadTimeout(readTimeoutMs);
            c.setInstanceFollowRedirects(true);
            int status = c.getResponseCode();
            if (status != 200) {
                c.disconnect();
                throw new NetworkFailure("HTTP " + status, null);
            }
            return c;
        } catch (IOException e) {
            throw new NetworkFailure(reason(e), e);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new NetworkFailure("bad URL", e);
        }
    }

    private String copyHashing(HttpURLConnection c, OutputStream out, long length, long max, String url) {
        MessageDigest md = sha256();
        log.print("downloading " + url + " ");
        long total = 0;
        int shownTenths = 0;
        try (InputStream in = c.getInputStream()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                total += n;
                if (total > max) throw new NetworkFailure("server sent more than the expected " + max + " bytes", null);
                md.update(buf, 0, n);
                out.write(buf, 0, n);
                if (length > 0 && total * 10 / length > shownTenths) {
                    shownTenths = (int) (total * 10 / length);
                    log.print(shownTenths * 10 + "% ");
                }
            }
            if (length > 0 && total != length) throw new NetworkFailure("connection closed after " + total + " of " + length + " bytes", null);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new NetworkFailure(reason(e), e);
        } finally {
            log.println(total + " bytes");
        }
    }

    /** A short reason for a network error, for a one-line message. */
    static String reason(IOException e) {
        if (e instanceof UnknownHostException) return "unknown host " + e.getMessage();
        if (e instanceof SocketTimeoutException) return "timed out";
        if (e instanceof ConnectException) return "connection refused or unreachable";
        return BoundedRead.oneLine(e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
