package dev.reliance.cli;

import dev.reliance.run.LoadedRun;
import dev.reliance.run.Runs;
import dev.reliance.train.TrainConfig;
import dev.reliance.util.Engines;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Make a run directory from your own trained weights (safetensors, tensor names as in README), "
                + "so that 'reliance analyze' can analyse them. Give the data set and architecture as for 'train'.")
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WEIGHTS", description = "A .safetensors file.")
    Path weights;

    @Mixin
    TrainOptions options;

    @Option(names = "--out", required = true, description = "Run directory to create.")
    Path out;

    @Override
    public Integer call() {
        TrainConfig cfg = options.toConfig().validate();
        Engines.threads(cfg.threads());
        try (LoadedRun run = Runs.importWeights(cfg, weights, out)) {
            var f = run.record().get("final");
            System.out.printf(Locale.ROOT, "train accuracy %.4f  test accuracy %.4f%nrun written to %s; next: reliance analyze %s%n",
                    f.get("train_accuracy").asDouble(), f.get("test_accuracy").asDouble(), out, out);
        }
        return 0;
    }
}
