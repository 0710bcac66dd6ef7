package dev.reliance.cli;

import dev.reliance.experiment.AnalysisConfig;
import dev.reliance.experiment.AnalysisProgress;
import dev.reliance.experiment.AnalysisSummary;
import dev.reliance.experiment.Analyzer;
import dev.reliance.run.LoadedRun;
import dev.reliance.run.Runs;
import dev.reliance.util.Engines;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Measure a trained network's reliance on single directions: cumulative ablation, noise, "
                + "selectivity, mutual information and single-unit importance. Writes RUN_DIR/analysis/.")
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory written by 'reliance train'.")
    Path runDir;

    @Option(names = "--out", description = "Output folder (default: RUN_DIR/analysis).")
    Path out;

    @Option(names = "--data", description = "Where to find the data set (default: as when training).")
    Path data;

    @Option(names = "--weights", description = "Analyse these weights (e.g. a checkpoint) instead of model.safetensors.")
    Path weights;

    @Option(names = "--mode", defaultValue = "zero", description = "zero, mean or partial ablation (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--amount", defaultValue = "1", description = "Ablation amount a in (0, 1]; < 1 with --mode partial (default: ${DEFAULT-VALUE}).")
    double amount;

    @Option(names = "--layers", split = ",", description = "Hidden layers to ablate, e.g. 0,1 (default: all of an MLP, the last --last-conv of a CNN).")
    int[] layers = new int[0];

    @Option(names = "--last-conv", defaultValue = "3", description = "CNN default unit set: the last K conv layers (default: ${DEFAULT-VALUE}).")
    int lastConv;

    @Option(names = "--orderings", defaultValue = "10", description = "Random orderings (default: ${DEFAULT-VALUE}).")
    int orderings;

    @Option(names = "--grid", defaultValue = "0", description = "Evaluate at N evenly spaced unit counts (0: every count, exact) (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--on", defaultValue = "train", description = "Evaluate ablation and noise on train (trained labels) or test (default: ${DEFAULT-VALUE}).")
    String on;

    @Option(names = "--examples", defaultValue = "0", description = "Seeded subsample of N evaluation examples (0: all).")
    int examples;

    @Option(names = "--no-noise", description = "Skip the noise curves.")
    boolean noNoise;

    @Option(names = "--noise-points", defaultValue = "20", description = "Log-spaced noise scales (default: ${DEFAULT-VALUE}).")
    int noisePoints;

    @Option(names = "--noise-range", split = ",", paramLabel = "LO,HI", description = "log10 of the smallest and largest noise scale (default: -1.5,1 for MLP; -1,0 for CNN).")
    double[] noiseRange;

    @Option(names = "--noise-repeats", defaultValue = "10", description = "Noise repeats (default: ${DEFAULT-VALUE}).")
    int noiseRepeats;

    @Option(names = "--noise-variance", description = "Noise variance = scale * unit variance (default: noise SD = scale * unit SD).")
    boolean noiseVariance;

    @Option(names = "--no-importance", description = "Skip single-unit importance.")
    boolean noImportance;

    @Option(names = "--mi-bins", defaultValue = "32", description = "Bins for mutual information (default: ${DEFAULT-VALUE}).")
    int miBins;

    @Option(names = "--mi-binning", defaultValue = "equal-frequency", description = "equal-frequency or equal-width (default: ${DEFAULT-VALUE}).")
    String miBinning;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for orderings, subsamples and noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (0: all cores).")
    int threads;

    @Override
    public Integer call() {
        if (noiseRange != null && noiseRange.length != 2) throw new dev.reliance.util.UserException("--noise-range: give two numbers LO,HI");
        AnalysisConfig cfg = new AnalysisConfig(mode, amount, layers, lastConv, orderings, grid, on, examples, !noNoise, noisePoints,
                noiseRange == null ? Double.NaN : noiseRange[0], noiseRange == null ? Double.NaN : noiseRange[1], noiseRepeats,
                noiseVariance, !noImportance, miBins, miBinning, seed, threads).validate();
        Engines.threads(threads);
        Path outDir = out != null ? out : runDir.resolve("analysis");
        try (LoadedRun run = weights == null ? Runs.load(runDir, data) : Runs.load(runDir, data, weights)) {
            AnalysisSummary s = Analyzer.analyze(run, cfg, outDir, AnalysisProgress.BARS);
            System.out.printf(Locale.ROOT, "ablation AUC %.4f (intact-normalised %.4f)  noise AUC %.4f%nresults in %s%n",
                    s.ablationAuc(), s.ablationAucIntact(), s.noiseAuc(), outDir);
        }
        return 0;
    }
}
