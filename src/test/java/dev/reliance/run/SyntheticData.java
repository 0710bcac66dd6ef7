package dev.reliance.run;

import dev.reliance.data.IdxWriter;
import java.nio.file.Path;
import java.util.Random;

/**
 * A tiny learnable task in MNIST's IDX format: 8x8 images of four textures (horizontal stripes,
 * vertical stripes, checkerboard, blank) plus noise, labels 0..3. Textures, not positions, so a
 * CNN with global average pooling can learn it too.
 */
public final class SyntheticData {
    private SyntheticData() {}

    public static Path write(Path dir, int train, int test, long seed) {
        Random r = new Random(seed);
        writeSplit(dir, "train", train, r);
        writeSplit(dir, "t10k", test, r);
        return dir;
    }

    private static void writeSplit(Path dir, String prefix, int n, Random r) {
        int side = 8;
        byte[] px = new byte[n * side * side];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(4);
            labels[i] = c;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    boolean on = switch (c) {
                        case 0 -> y % 2 == 0;
                        case 1 -> x % 2 == 0;
                        case 2 -> (x + y) % 2 == 0;
                        default -> false;
                    };
                    double v = (on ? 0.7 : 0.0) + 0.3 * r.nextDouble();
                    px[i * side * side + y * side + x] = (byte) Math.round(v * 255);
                }
            }
        }
        IdxWriter.writeImages(dir.resolve(prefix + "-images-idx3-ubyte"), px, n, side, side, false);
        IdxWriter.writeLabels(dir.resolve(prefix + "-labels-idx1-ubyte"), labels);
    }
}
