package dev.reliance.model;

import java.util.Arrays;

/** A named float32 tensor on the Java heap: the unit of safetensors I/O. */
public record Tensor(long[] shape, float[] data) {
    public Tensor {
        long n = 1;
        for (long d : shape) n *= d;
        if (n != data.length) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got " + data.length);
    }
}
