package dev.reliance.data;

import java.util.Objects;

/**
 * One split of a labelled image data set held in memory: inputs scaled to [0, 1], stored
 * row-major as N x C x H x W floats, and one integer label per example in [0, numClasses).
 */
public record Dataset(String name, float[] inputs, int[] labels, int channels, int height, int width,
        int numClasses) {

    public Dataset {
        Objects.requireNonNull(name);
        if (channels <= 0 || height <= 0 || width <= 0 || numClasses <= 1) {
            throw new IllegalArgumentException("bad dataset shape");
        }
        if ((long) labels.length * channels * height * width != inputs.length) {
            throw new IllegalArgumentException(
                    "inputs hold " + inputs.length + " floats, expected " + labels.length + " examples");
        }
    }

    public int size() {
        return labels.length;
    }

    /** Number of floats per example (C*H*W). */
    public int featureCount() {
        return channels * height * width;
    }

    /** The examples at {@code indices}, in that order. */
    public Dataset subset(int[] indices) {
        int f = featureCount();
        float[] in = new float[indices.length * f];
        int[] lab = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(inputs, indices[i] * f, in, i * f, f);
            lab[i] = labels[indices[i]];
        }
        return new Dataset(name, in, lab, channels, height, width, numClasses);
    }

    /** The same inputs with other labels (e.g. corrupted ones). */
    public Dataset withLabels(int[] newLabels) {
        return new Dataset(name, inputs, newLabels, channels, height, width, numClasses);
    }
}
