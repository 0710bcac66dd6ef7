package dev.reliance.data;

import static dev.reliance.data.TestFiles.assertUserError;
import static dev.reliance.data.TestFiles.cifarBatch;
import static dev.reliance.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {
    @TempDir
    Path dir;

    private Path writeBatches(Path into) {
        for (int i = 0; i < 5; i++) write(into.resolve(Cifar10Reader.TRAIN_FILES.get(i)), cifarBatch(3, i));
        write(into.resolve(Cifar10Reader.TEST_FILE), cifarBatch(4, 99));
        return into;
    }

    @Test
    void readsBatchesFromFolderOrItsParent() {
        writeBatches(dir.resolve(Cifar10Reader.FOLDER));
        for (Path p : List.of(dir, dir.resolve(Cifar10Reader.FOLDER))) {
            DataSplits s = Cifar10Reader.read(p, "cifar10");
            assertEquals(15, s.train().size());
            assertEquals(4, s.test().size());
            assertEquals(3, s.train().channels());
            assertEquals(32, s.train().height());
            assertEquals(32, s.train().width());
            assertEquals(10, s.train().numClasses());
        }
    }

    @Test
    void pixelsAreChwScaledAndLabelsInOrder() {
        byte[] b1 = cifarBatch(3, 0), b2 = cifarBatch(2, 1);
        Path f1 = write(dir.resolve("a.bin"), b1), f2 = write(dir.resolve("b.bin"), b2);
        Dataset d = Cifar10Reader.readBatches("c", List.of(f1, f2));
        assertEquals(5, d.size());
        assertEquals(List.of(0, 1, 2, 0, 1), Arrays.stream(d.labels()).boxed().toList());
        int rec = Cifar10Reader.RECORD_BYTES;
        // record 4 = second record of b2; channel 2 (blue), row 5, col 7
        int offInRecord = 2 * 1024 + 5 * 32 + 7;
        float expected = (b2[rec + 1 + offInRecord] & 0xff) / 255f;
        assertEquals(expected, d.inputs()[4 * 3072 + offInRecord]);
    }

    @Test
    void sizeNotMultipleOfRecord() {
        Path f = write(dir.resolve("bad.bin"), new byte[3073 * 2 + 5]);
        assertUserError(() -> Cifar10Reader.readBatches("c", List.of(f)), f.toString(), "multiple of 3073");
        Path empty = write(dir.resolve("empty.bin"), new byte[0]);
        assertUserError(() -> Cifar10Reader.readBatches("c", List.of(empty)), empty.toString(), "multiple of 3073");
    }

    @Test
    void labelOutOfRange() {
        byte[] b = cifarBatch(3, 0);
        b[2 * 3073] = 10;
        Path f = write(dir.resolve("lab.bin"), b);
        assertUserError(() -> Cifar10Reader.readBatches("c", List.of(f)), f.toString(), "label 10 of record 2");
    }

    @Test
    void missingBatch() {
        writeBatches(dir);
        Path gone = dir.resolve("data_batch_3.bin");
        gone.toFile().delete();
        assertUserError(() -> Cifar10Reader.read(dir, "c"), gone.toString(), "not found");
    }
}
