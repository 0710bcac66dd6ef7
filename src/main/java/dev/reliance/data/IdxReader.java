package dev.reliance.data;

import dev.reliance.util.UserException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads IDX files (the MNIST format), gzipped or raw. Every header value is checked against
 * what the file can actually hold before anything is allocated from it, and every problem
 * becomes a one-line {@link UserException} naming the file.
 */
public final class IdxReader {
    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {}

    /** The images of one IDX file: pixels scaled to [0, 1], row-major N x rows x cols. */
    public record Images(int count, int rows, int cols, float[] pixels) {}

    public static Images readImages(Path file) {
        try (BoundedRead.Source src = openChecked(file)) {
            DataInputStream in = new DataInputStream(src.in());
            checkMagic(in, IMAGES_MAGIC, "image");
            long n = readCount(in), rows = readCount(in), cols = readCount(in);
            if (n == 0 || rows == 0 || cols == 0) {
                throw new IOException("header declares an empty image set (" + n + " x " + rows + " x " + cols + ")");
            }
            long bytes = payload(n, rows, cols);
            String claim = "header claims " + n + " images of " + rows + "x" + cols + " pixels (" + bytes + " bytes)";
            checkFits(src, 16, bytes, claim);
            byte[] data = BoundedRead.readExactly(in, bytes, "pixel data");
            BoundedRead.expectEnd(in, claim);
            float[] pixels = new float[data.length];
            for (int i = 0; i < data.length; i++) pixels[i] = (data[i] & 0xff) / 255f;
            return new Images((int) n, (int) rows, (int) cols, pixels);
        } catch (IOException e) {
            throw fail(file, e);
        }
    }

    /** Reads a label file and checks every label is in [0, numClasses). */
    public static int[] readLabels(Path file, int numClasses) {
        try (BoundedRead.Source src = openChecked(file)) {
            DataInputStream in = new DataInputStream(src.in());
            checkMagic(in, LABELS_MAGIC, "label");
            long n = readCount(in);
            if (n == 0) throw new IOException("header declares no labels");
            String claim = "header claims " + n + " labels";
            checkFits(src, 8, n, claim);
            byte[] data = BoundedRead.readExactly(in, n, "label data");
            BoundedRead.expectEnd(in, claim);
            int[] labels = new int[data.length];
            for (int i = 0; i < data.length; i++) {
                labels[i] = data[i] & 0xff;
                if (labels[i] >= numClasses) {
                    throw new IOException("label " + labels[i] + " at index " + i + " is out of range 0.." + (numClasses - 1));
                }
            }
            return labels;
        } catch (IOException e) {
            throw fail(file, e);
        }
    }

    /** Reads an image file and its label file into one single-channel {@link Dataset}. */
    public static Dataset readDataset(String name, Path imagesFile, Path labelsFile, int numClasses) {
        Images images = readImages(imagesFile);
        int[] labels = readLabels(labelsFile, numClasses);
        if (labels.length != images.count()) {
            throw new UserException(labelsFile + ": holds " + labels.length + " labels but " + imagesFile
                    + " holds " + images.count() + " images");
        }
        return new Dataset(name, images.pixels(), labels, 1, images.rows(), images.cols(), numClasses);
    }

    private static BoundedRead.Source openChecked(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new UserException(file + ": file not found");
        return BoundedRead.open(file);
    }

    private static void checkMagic(DataInputStream in, int expected, String kind) throws IOException {
        int magic = readInt(in);
        if (magic != expected) {
            throw new IOException(String.format("not an IDX %s file (magic number 0x%08x, expected 0x%08x)",
                    kind, magic, expected));
        }
    }

    /** Header counts are unsigned 32-bit; reading them as long keeps 2^31 and above honest. */
    private static long readCount(DataInputStream in) throws IOException {
        return Integer.toUnsignedLong(readInt(in));
    }

    private static int readInt(DataInputStream in) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new EOFException("truncated header");
        }
    }

    private static long payload(long n, long rows, long cols) throws IOException {
        try {
            return Math.multiplyExact(Math.multiplyExact(n, rows), cols);
        } catch (ArithmeticException e) {
            throw new IOException("absurd header dimensions " + n + " x " + rows + " x " + cols);
        }
    }

    /** Rejects a header whose promised size the file cannot hold, before any allocation. */
    private static void checkFits(BoundedRead.Source src, long headerBytes, long payload, String claim)
            throws IOException {
        if (!src.gzip() && headerBytes + payload != src.fileSize()) {
            throw new IOException(claim + " but the file holds " + (src.fileSize() - headerBytes)
                    + " bytes after the header");
        }
        if (src.gzip() && headerBytes + payload > src.maxContentBytes()) {
            throw new IOException(claim + ", more than a gzip file of " + src.fileSize() + " bytes can hold");
        }
        if (payload > BoundedRead.MAX_ARRAY) throw new IOException(claim + ", too large to load");
    }

    private static UserException fail(Path file, IOException e) {
        return new UserException(file + ": " + BoundedRead.oneLine(e), e);
    }
}
