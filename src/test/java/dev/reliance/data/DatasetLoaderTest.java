package dev.reliance.data;

import static dev.reliance.data.TestFiles.assertUserError;
import static dev.reliance.data.TestFiles.cifarBatch;
import static dev.reliance.data.TestFiles.gzip;
import static dev.reliance.data.TestFiles.idx;
import static dev.reliance.data.TestFiles.tarEntry;
import static dev.reliance.data.TestFiles.tarGz;
import static dev.reliance.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {
    private static final int IMG = IdxReader.IMAGES_MAGIC, LAB = IdxReader.LABELS_MAGIC;

    @TempDir
    Path tmp;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    /** Serves {@link #served} on 127.0.0.1; returns the base URL. */
    private String serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String name = ex.getRequestURI().getPath().substring("/data/".length());
            requests.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            byte[] body = served.get(name);
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/data";
    }

    /** Small MNIST-like gz files: 6 training and 4 test images of 2x3 pixels. */
    private Map<String, byte[]> idxFiles() {
        Map<String, byte[]> m = new HashMap<>();
        m.put("train-images-idx3-ubyte.gz", gzip(idx(new int[] {IMG, 6, 2, 3}, TestFiles.bytes(36, 1))));
        m.put("train-labels-idx1-ubyte.gz", gzip(idx(new int[] {LAB, 6}, new byte[] {0, 1, 2, 3, 4, 5})));
        m.put("t10k-images-idx3-ubyte.gz", gzip(idx(new int[] {IMG, 4, 2, 3}, TestFiles.bytes(24, 2))));
        m.put("t10k-labels-idx1-ubyte.gz", gzip(idx(new int[] {LAB, 4}, new byte[] {9, 8, 7, 6})));
        return m;
    }

    private static Map<String, String> sha256Of(Map<String, byte[]> files) throws Exception {
        Map<String, String> m = new HashMap<>();
        for (var e : files.entrySet()) {
            m.put(e.getKey(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(e.getValue())));
        }
        return m;
    }

    private DatasetLoader loader(String base, Map<String, String> sums) {
        return new DatasetLoader(tmp.resolve("cache"), base, sums, false, new PrintStream(log, true), 2000);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void downloadsVerifiesCachesAndReuses() throws Exception {
        served.putAll(idxFiles());
        DatasetLoader l = loader(serve(), sha256Of(served));
        DataSplits s = l.read(DatasetKind.MNIST, null);
        assertEquals(6, s.train().size());
        assertEquals(4, s.test().size());
        assertArrayEquals(new int[] {9, 8, 7, 6}, s.test().labels());
        assertEquals(4, list(l.cacheDir(DatasetKind.MNIST)).size()); // no temp files left
        assertTrue(log.toString().contains("100%"), log.toString());

        server.stop(0);
        server = null;
        DataSplits again = l.read(DatasetKind.MNIST, null); // from the cache, no network
        assertArrayEquals(s.train().inputs(), again.train().inputs());
        requests.values().forEach(c -> assertEquals(1, c.get()));
    }

    @Test
    void wrongChecksumKeepsNoFile() throws Exception {
        served.putAll(idxFiles());
        Map<String, String> sums = sha256Of(served);
        sums.put("train-labels-idx1-ubyte.gz", "0".repeat(64));
        DatasetLoader l = loader(serve(), sums);
        assertUserError(() -> l.read(DatasetKind.MNIST, null), "train-labels-idx1-ubyte.gz", "SHA-256 mismatch",
                "not kept");
        Path cache = l.cacheDir(DatasetKind.MNIST);
        assertFalse(Files.exists(cache.resolve("train-labels-idx1-ubyte.gz")));
        assertEquals(List.of(cache.resolve("train-images-idx3-ubyte.gz")), list(cache)); // only the good one, no temp
    }

    @Test
    void unreachableServerSaysHowToGetTheData() throws Exception {
        String base = "http://127.0.0.1:" + closedPort() + "/data";
        DatasetLoader l = loader(base, Map.of());
        Path cache = l.cacheDir(DatasetKind.FASHION_MNIST);
        assertUserError(() -> l.read(DatasetKind.FASHION_MNIST, null), "fashion-mnist not found", cache.toString(),
                base + "/train-images-idx3-ubyte.gz", "connection refused", "dataset-fashion-mnist", "--data DIR");
        assertUserError(() -> l.read(DatasetKind.CIFAR10, null), "cifar10 not found", "cifar-10-binary.tar.gz",
                "--data DIR");
    }

    @Test
    void httpErrorIsReported() throws Exception {
        DatasetLoader l = loader(serve(), Map.of()); // serves nothing
        assertUserError(() -> l.read(DatasetKind.MNIST, null), "mnist not found", "HTTP 404", "--data DIR");
    }

    @Test
    void downloadsAndExtractsCifar() throws Exception {
        String dir = Cifar10Reader.FOLDER + "/";
        byte[][] entries = new byte[7][];
        for (int i = 0; i < 5; i++) entries[i] = tarEntry(dir + Cifar10Reader.TRAIN_FILES.get(i), '0', cifarBatch(2, i));
        entries[5] = tarEntry(dir + Cifar10Reader.TEST_FILE, '0', cifarBatch(3, 9));
        entries[6] = tarEntry(dir + "batches.meta.txt", '0', "airplane\n".getBytes());
        served.put("cifar-10-binary.tar.gz", tarGz(entries));
        DatasetLoader l = loader(serve(), sha256Of(served));
        DataSplits s = l.read(DatasetKind.CIFAR10, null);
        assertEquals(10, s.train().size());
        assertEquals(3, s.test().size());
        Path cache = l.cacheDir(DatasetKind.CIFAR10);
        assertFalse(Files.exists(cache.resolve("cifar-10-binary.tar.gz")));
        assertEquals(6, list(cache).size());
    }

    @Test
    void dataOptionIsUsedAloneAndChecked() throws Exception {
        Path data = tmp.resolve("data");
        for (var e : idxFiles().entrySet()) {
            // raw files, plain names: both forms are accepted
            byte[] raw = new GZIPInputStream(new ByteArrayInputStream(e.getValue())).readAllBytes();
            write(data.resolve(e.getKey().replace(".gz", "")), raw);
        }
        DatasetLoader l = loader("http://127.0.0.1:" + closedPort(), Map.of());
        assertEquals(6, l.read(DatasetKind.MNIST, data).train().size());

        Files.delete(data.resolve("t10k-labels-idx1-ubyte"));
        assertUserError(() -> l.read(DatasetKind.MNIST, data), "--data " + data, "t10k-labels-idx1-ubyte");
        Path nowhere = tmp.resolve("nowhere");
        assertUserError(() -> l.read(DatasetKind.CIFAR10, nowhere), nowhere.toString(), "not a directory");
    }

    @Test
    void cacheRootFromSystemProperty() {
        String old = System.getProperty(DatasetLoader.CACHE_PROPERTY);
        try {
            System.setProperty(DatasetLoader.CACHE_PROPERTY, tmp.toString());
            assertEquals(tmp, DatasetLoader.defaultCacheRoot());
        } finally {
            if (old == null) System.clearProperty(DatasetLoader.CACHE_PROPERTY);
            else System.setProperty(DatasetLoader.CACHE_PROPERTY, old);
        }
    }
}
