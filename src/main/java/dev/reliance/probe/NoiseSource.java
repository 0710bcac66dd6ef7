package dev.reliance.probe;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Standard normal noise for (repeat, layer, example), drawn by PyTorch in fixed blocks of
 * {@value #BLOCK} examples, each from a seed derived from (seed, repeat, layer, block). Any
 * engine, whatever its batching, replays exactly the same draws for the same examples.
 */
public record NoiseSource(long seed) {
    public static final int BLOCK = 256;

    /** eps with shape (to - from, perExample...) for one layer's activations. */
    public NDArray epsilon(NDManager m, int repeat, int layer, int from, int to, Shape perExample) {
        NDList parts = new NDList();
        for (int block = from / BLOCK; block * BLOCK < to; block++) {
            int start = block * BLOCK;
            NDArray full = draw(m, repeat, layer, block, perExample);
            int a = Math.max(from, start) - start;
            int b = Math.min(to, start + BLOCK) - start;
            parts.add(a == 0 && b == BLOCK ? full : full.get(a + ":" + b));
        }
        return parts.size() == 1 ? parts.singletonOrThrow() : NDArrays.concat(parts, 0);
    }

    private NDArray draw(NDManager m, int repeat, int layer, int block, Shape perExample) {
        long h = mix(seed);
        h = mix(h ^ repeat);
        h = mix(h ^ ((long) layer << 24));
        h = mix(h ^ ((long) block << 32));
        Engine.getEngine("PyTorch").setRandomSeed((int) (h ^ (h >>> 32)));
        long[] dims = new long[perExample.dimension() + 1];
        dims[0] = BLOCK;
        System.arraycopy(perExample.getShape(), 0, dims, 1, perExample.dimension());
        return m.randomNormal(new Shape(dims));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
