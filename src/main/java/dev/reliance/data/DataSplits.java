package dev.reliance.data;

/** The train and test splits of one data set. */
public record DataSplits(Dataset train, Dataset test) {}
