package dev.reliance.experiment;

/** The headline numbers of one analysis, for sweeps and reports. Per-layer arrays follow {@code layers}. */
public record AnalysisSummary(double ablationAuc, double ablationAucIntact, double noiseAuc, double noiseAucIntact,
        double[] meanSelectivity, double[] meanInformation, int[] layers) {}
