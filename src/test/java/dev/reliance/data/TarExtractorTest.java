package dev.reliance.data;

import static dev.reliance.data.TestFiles.assertUserError;
import static dev.reliance.data.TestFiles.tarEntry;
import static dev.reliance.data.TestFiles.tarGz;
import static dev.reliance.data.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarExtractorTest {
    @TempDir
    Path dir;

    @Test
    void extractsOnlyWantedRegularFilesFlat() throws IOException {
        byte[] a = TestFiles.bytes(1000, 1), b = TestFiles.bytes(512, 2);
        Path archive = write(dir.resolve("x.tar.gz"), tarGz(
                tarEntry("pre/", '5', new byte[0]),
                tarEntry("pre/a.bin", '0', a),
                tarEntry("pre/readme.html", '0', new byte[10]),
                tarEntry("pre/../b.bin", '0', new byte[7]),  // traversal: not a wanted name
                tarEntry("/etc/b.bin", '0', new byte[7]),    // absolute: not a wanted name
                tarEntry("pre/c.bin", '2', new byte[0]),     // symlink: never extracted
                tarEntry("b.bin", '0', b)));
        Path out = Files.createDirectories(dir.resolve("out"));
        Set<String> got = TarExtractor.extract(archive, out, Set.of("a.bin", "b.bin", "c.bin"), "pre/", 1 << 20);
        assertEquals(Set.of("a.bin", "b.bin"), got);
        assertArrayEquals(a, Files.readAllBytes(out.resolve("a.bin")));
        assertArrayEquals(b, Files.readAllBytes(out.resolve("b.bin")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(2, s.count());
        }
        assertFalse(Files.exists(dir.resolve("b.bin")));
    }

    @Test
    void truncatedArchiveAndBadHeader() {
        byte[] entry = tarEntry("a.bin", '0', new byte[2000]);
        Path cut = write(dir.resolve("cut.tar.gz"), TestFiles.gzip(Arrays.copyOf(entry, 1000)));
        assertUserError(() -> TarExtractor.extract(cut, dir, Set.of("a.bin"), "", 1 << 20), cut.toString());
        assertFalse(Files.exists(dir.resolve("a.bin")));
        byte[] bad = entry.clone();
        bad[0] = 'z';
        Path badSum = write(dir.resolve("sum.tar.gz"), TestFiles.gzip(bad));
        assertUserError(() -> TarExtractor.extract(badSum, dir, Set.of("a.bin"), "", 1 << 20), badSum.toString(),
                "checksum");
    }

    @Test
    void oversizedEntryRejected() {
        Path archive = write(dir.resolve("big.tar.gz"), tarGz(tarEntry("a.bin", '0', new byte[5000])));
        assertUserError(() -> TarExtractor.extract(archive, dir, Set.of("a.bin"), "", 4096), archive.toString(),
                "too large");
    }
}
