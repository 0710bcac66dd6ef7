package dev.reliance.data;

import dev.reliance.util.AtomicFiles;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes IDX files: label files record the (corrupted) training labels of a run; image files
 * let tests generate data. Writes are atomic (temp file, then rename).
 */
public final class IdxWriter {
    private IdxWriter() {}

    /** Writes a raw (uncompressed) IDX label file. Labels must be in 0..255. */
    public static void writeLabels(Path file, int[] labels) {
        writeLabels(file, labels, false);
    }

    public static void writeLabels(Path file, int[] labels, boolean gzip) {
        byte[] data = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " does not fit a byte");
            }
            data[i] = (byte) labels[i];
        }
        write(file, gzip, out -> {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(data);
        });
    }

    /** Writes an IDX image file from unsigned pixel bytes, row-major count x rows x cols. */
    public static void writeImages(Path file, byte[] pixels, int count, int rows, int cols, boolean gzip) {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " bytes, not " + count + "x" + rows + "x" + cols);
        }
        write(file, gzip, out -> {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        });
    }

    private static void write(Path file, boolean gzip, AtomicFiles.IoConsumer<DataOutputStream> body) {
        AtomicFiles.write(file, raw -> {
            OutputStream sink = gzip ? new GZIPOutputStream(raw) : raw;
            DataOutputStream out = new DataOutputStream(sink);
            body.accept(out);
            out.flush();
            if (gzip) ((GZIPOutputStream) sink).finish();
        });
    }
}
