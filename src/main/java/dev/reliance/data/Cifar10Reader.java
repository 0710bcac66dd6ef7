package dev.reliance.data;

import dev.reliance.util.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CIFAR-10 binary batches: records of 1 label byte followed by 3072 pixel bytes
 * (3 x 32 x 32, channel-major), which is already the N x C x H x W layout of {@link Dataset}.
 */
public final class Cifar10Reader {
    public static final int CHANNELS = 3, SIZE = 32, CLASSES = 10;
    public static final int RECORD_BYTES = 1 + CHANNELS * SIZE * SIZE;
    public static final String FOLDER = "cifar-10-batches-bin";
    public static final List<String> TRAIN_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_FILE = "test_batch.bin";

    private Cifar10Reader() {}

    /** All batch file names, training batches first. */
    public static List<String> allFiles() {
        List<String> all = new ArrayList<>(TRAIN_FILES);
        all.add(TEST_FILE);
        return all;
    }

    /** The folder holding the batches: {@code dir} itself or its {@code cifar-10-batches-bin} child. */
    public static Path batchDir(Path dir) {
        Path child = dir.resolve(FOLDER);
        return !Files.isRegularFile(dir.resolve(TRAIN_FILES.get(0))) && Files.isDirectory(child) ? child : dir;
    }

    /** Reads the five training batches and the test batch from {@code dir} (or its batch folder). */
    public static DataSplits read(Path dir, String name) {
        Path d = batchDir(dir);
        List<Path> train = new ArrayList<>();
        for (String f : TRAIN_FILES) train.add(d.resolve(f));
        return new DataSplits(readBatches(name, train), readBatches(name, List.of(d.resolve(TEST_FILE))));
    }

    /** Reads and concatenates batch files, checking sizes before allocating and labels after. */
    public static Dataset readBatches(String name, List<Path> files) {
        long records = 0;
        for (Path f : files) records += recordCount(f);
        if (records * (RECORD_BYTES - 1) > BoundedRead.MAX_ARRAY) {
            throw new UserException(files.get(0).getParent() + ": CIFAR-10 batches too large to load (" + records + " images)");
        }
        float[] pixels = new float[(int) (records * (RECORD_BYTES - 1))];
        int[] labels = new int[(int) records];
        int at = 0;
        for (Path f : files) at = readInto(f, pixels, labels, at);
        return new Dataset(name, pixels, labels, CHANNELS, SIZE, SIZE, CLASSES);
    }

    private static long recordCount(Path file) {
        if (!Files.isRegularFile(file)) throw new UserException(file + ": file not found");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UserException(file + ": " + BoundedRead.oneLine(e), e);
        }
        if (size == 0 || size % RECORD_BYTES != 0) {
            throw new UserException(file + ": not a CIFAR-10 batch (size " + size + " is not a positive multiple of "
                    + RECORD_BYTES + " bytes)");
        }
        return size / RECORD_BYTES;
    }

    private static int readInto(Path file, float[] pixels, int[] labels, int start) {
        int per = RECORD_BYTES - 1;
        long count = recordCount(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] rec = new byte[RECORD_BYTES];
            for (int r = 0; r < count; r++) {
                if (in.readNBytes(rec, 0, RECORD_BYTES) != RECORD_BYTES) throw new IOException("truncated record " + r);
                int label = rec[0] & 0xff;
                if (label >= CLASSES) {
                    throw new IOException("label " + label + " of record " + r + " is out of range 0.." + (CLASSES - 1));
                }
                labels[start + r] = label;
                int base = (start + r) * per;
                for (int i = 0; i < per; i++) pixels[base + i] = (rec[1 + i] & 0xff) / 255f;
            }
            BoundedRead.expectEnd(in, count + " records");
        } catch (IOException e) {
            throw new UserException(file + ": " + BoundedRead.oneLine(e), e);
        }
        return start + (int) count;
    }
}
