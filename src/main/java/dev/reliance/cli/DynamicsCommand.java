package dev.reliance.cli;

import dev.reliance.experiment.AnalysisConfig;
import dev.reliance.experiment.AnalysisProgress;
import dev.reliance.experiment.Dynamics;
import dev.reliance.util.Engines;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dynamics", mixinStandardHelpOptions = true,
        description = "Analyse every checkpoint of a run (train with --checkpoint-every K): AUC over training beside the losses. Writes RUN_DIR/dynamics/.")
final class DynamicsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Option(names = "--data", description = "Where to find the data set (default: as when training).")
    Path data;

    @Option(names = "--orderings", defaultValue = "5", description = "Random orderings per checkpoint (default: ${DEFAULT-VALUE}).")
    int orderings;

    @Option(names = "--grid", defaultValue = "20", description = "Unit counts per curve (0: every count) (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--examples", defaultValue = "0", description = "Seeded subsample of training examples (0: all).")
    int examples;

    @Option(names = "--threads", defaultValue = "0", description = "Threads (0: all cores).")
    int threads;

    @Override
    public Integer call() {
        Engines.threads(threads);
        AnalysisConfig d = AnalysisConfig.defaults();
        AnalysisConfig cfg = new AnalysisConfig("zero", 1, new int[0], d.lastConvLayers(), orderings, grid, "train", examples, false,
                d.noisePoints(), Double.NaN, Double.NaN, d.noiseRepeats(), false, false, d.miBins(), d.miBinning(), d.seed(), threads).validate();
        var j = Dynamics.run(runDir, data, cfg, AnalysisProgress.BARS);
        System.out.printf("AUC begins to fall at epoch %d; test loss starts rising at epoch %d; Spearman(AUC, test loss) = %.3f%nresults in %s%n",
                j.get("auc_decline_epoch").asInt(), j.get("loss_divergence_epoch").asInt(),
                j.get("spearman_auc_vs_test_loss").get("spearman").asDouble(), runDir.resolve("dynamics"));
        return 0;
    }
}
