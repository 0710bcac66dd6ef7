package dev.reliance.data;

import static dev.reliance.data.TestFiles.assertUserError;
import static dev.reliance.data.TestFiles.bytes;
import static dev.reliance.data.TestFiles.gzip;
import static dev.reliance.data.TestFiles.idx;
import static dev.reliance.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    private static final int IMG = IdxReader.IMAGES_MAGIC, LAB = IdxReader.LABELS_MAGIC;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void imagesAndLabelsRoundTrip(boolean gz) {
        byte[] pixels = bytes(5 * 3 * 4, 1);
        pixels[0] = (byte) 255;
        pixels[1] = 0;
        int[] labels = {0, 9, 3, 3, 7};
        // Names without ".gz" on purpose: gzip is detected by content.
        Path img = dir.resolve("images"), lab = dir.resolve("labels");
        IdxWriter.writeImages(img, pixels, 5, 3, 4, gz);
        IdxWriter.writeLabels(lab, labels, gz);

        Dataset d = IdxReader.readDataset("t", img, lab, 10);
        assertEquals(5, d.size());
        assertEquals(1, d.channels());
        assertEquals(3, d.height());
        assertEquals(4, d.width());
        assertArrayEquals(labels, d.labels());
        assertEquals(1f, d.inputs()[0]);
        assertEquals(0f, d.inputs()[1]);
        for (int i = 0; i < pixels.length; i++) assertEquals((pixels[i] & 0xff) / 255f, d.inputs()[i]);
    }

    @Test
    void rawLabelWriterMatchesFormat() {
        Path f = dir.resolve("l");
        IdxWriter.writeLabels(f, new int[] {1, 2});
        assertArrayEquals(idx(new int[] {LAB, 2}, new byte[] {1, 2}), readAll(f));
    }

    @Test
    void concatenatedGzipMembersAreAccepted() {
        byte[] all = idx(new int[] {LAB, 4}, new byte[] {1, 2, 3, 4});
        byte[] two = concat(gzip(Arrays.copyOf(all, 9)), gzip(Arrays.copyOfRange(all, 9, all.length)));
        Path f = write(dir.resolve("l.gz"), two);
        assertArrayEquals(new int[] {1, 2, 3, 4}, IdxReader.readLabels(f, 10));
    }

    @Test
    void wrongMagic() {
        Path f = write(dir.resolve("lab-as-img"), idx(new int[] {LAB, 1}, new byte[] {1}));
        assertUserError(() -> IdxReader.readImages(f), f.toString(), "magic number 0x00000801");
        Path g = write(dir.resolve("text.gz"), gzip("hello world, not idx".getBytes()));
        assertUserError(() -> IdxReader.readLabels(g, 10), g.toString(), "magic number");
    }

    @Test
    void truncatedHeader() {
        Path f = write(dir.resolve("short"), new byte[] {0, 0, 8, 3, 0, 0});
        assertUserError(() -> IdxReader.readImages(f), f.toString(), "truncated");
        Path empty = write(dir.resolve("empty"), new byte[0]);
        assertUserError(() -> IdxReader.readLabels(empty, 10), empty.toString(), "truncated");
    }

    @Test
    void rawSizeDisagreesWithHeader() {
        Path less = write(dir.resolve("less"), idx(new int[] {IMG, 10, 2, 2}, new byte[39]));
        assertUserError(() -> IdxReader.readImages(less), less.toString(), "10 images", "39 bytes");
        Path more = write(dir.resolve("more"), idx(new int[] {LAB, 3}, new byte[4]));
        assertUserError(() -> IdxReader.readLabels(more, 10), more.toString(), "3 labels", "4 bytes");
    }

    @Test
    void gzipTruncatedAndTrailingData() {
        Path less = write(dir.resolve("less.gz"), gzip(idx(new int[] {IMG, 10, 2, 2}, new byte[39])));
        assertUserError(() -> IdxReader.readImages(less), less.toString(), "truncated");
        Path more = write(dir.resolve("more.gz"), gzip(idx(new int[] {LAB, 3}, new byte[4])));
        assertUserError(() -> IdxReader.readLabels(more, 10), more.toString(), "trailing bytes");
        byte[] good = gzip(idx(new int[] {LAB, 3}, new byte[3]));
        Path cut = write(dir.resolve("cut.gz"), Arrays.copyOf(good, good.length - 5));
        assertUserError(() -> IdxReader.readLabels(cut, 10), cut.toString(), "truncated gzip");
        Path garbage = write(dir.resolve("garbage.gz"), concat(good, new byte[] {0, 1, 2}));
        assertUserError(() -> IdxReader.readLabels(garbage, 10), garbage.toString(), "trailing garbage");
        byte[] flipped = good.clone();
        flipped[good.length - 6] ^= 0x55; // inside the CRC-32 trailer
        Path bad = write(dir.resolve("crc.gz"), flipped);
        assertUserError(() -> IdxReader.readLabels(bad, 10), bad.toString(), "gzip");
    }

    @Test
    void hugeHeaderFailsFastWithoutAllocating() {
        int twoPow31 = Integer.MIN_VALUE; // 2^31 as an unsigned header count
        Path raw = write(dir.resolve("huge"), idx(new int[] {IMG, twoPow31, 28, 28}, new byte[100]));
        Path gz = write(dir.resolve("huge.gz"), gzip(idx(new int[] {IMG, twoPow31, 28, 28}, new byte[100])));
        Path lab = write(dir.resolve("hugelab.gz"), gzip(idx(new int[] {LAB, twoPow31}, new byte[100])));
        Path overflow = write(dir.resolve("overflow"), idx(new int[] {IMG, -1, -1, -1}, new byte[10]));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertUserError(() -> IdxReader.readImages(raw), raw.toString(), "2147483648 images");
            assertUserError(() -> IdxReader.readImages(gz), gz.toString(), "2147483648 images");
            assertUserError(() -> IdxReader.readLabels(lab, 10), lab.toString(), "2147483648 labels");
            assertUserError(() -> IdxReader.readImages(overflow), overflow.toString(), "absurd");
        });
    }

    @Test
    void gzipBombClaimWithinRatioStillBoundedByRealContent() {
        // Header claims 20000 labels (plausible for a small gzip) but the stream holds 5.
        Path f = write(dir.resolve("bomb.gz"), gzip(idx(new int[] {LAB, 20_000}, new byte[5])));
        assertUserError(() -> IdxReader.readLabels(f, 10), f.toString(), "truncated", "found 5");
    }

    @Test
    void emptyAndZeroDimensions() {
        Path f = write(dir.resolve("zero"), idx(new int[] {IMG, 0, 28, 28}, new byte[0]));
        assertUserError(() -> IdxReader.readImages(f), f.toString(), "empty");
    }

    @Test
    void labelCountMustMatchImageCount() {
        Path img = dir.resolve("img"), lab = dir.resolve("lab");
        IdxWriter.writeImages(img, new byte[3 * 4], 3, 2, 2, false);
        IdxWriter.writeLabels(lab, new int[] {1, 2});
        assertUserError(() -> IdxReader.readDataset("t", img, lab, 10), lab.toString(), img.toString(),
                "2 labels", "3 images");
    }

    @Test
    void labelOutOfRange() {
        Path lab = dir.resolve("lab.gz");
        IdxWriter.writeLabels(lab, new int[] {1, 10, 2}, true);
        assertUserError(() -> IdxReader.readLabels(lab, 10), lab.toString(), "label 10 at index 1");
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nope");
        assertUserError(() -> IdxReader.readLabels(f, 10), f.toString(), "not found");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static byte[] readAll(Path f) {
        try {
            return java.nio.file.Files.readAllBytes(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
