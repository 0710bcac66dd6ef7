package dev.reliance.model;

/** One hidden layer: a dense layer of {@code width} units, or a 3x3 conv with {@code width} channels. */
public record LayerSpec(int width, int stride) {}
