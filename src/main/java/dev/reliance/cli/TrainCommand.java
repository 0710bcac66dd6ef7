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

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train one network (optionally on corrupted labels) into a run directory.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    TrainOptions options;

    @Option(names = "--out", required = true, description = "Run directory to create (run.json, metrics.csv, model.safetensors, ...).")
    Path out;

    @Override
    public Integer call() {
        TrainConfig cfg = options.toConfig().validate();
        Engines.threads(cfg.threads());
        try (LoadedRun run = Runs.train(cfg, out, new TrainingProgress(cfg.epochs()))) {
            var f = run.record().get("final");
            System.out.printf(Locale.ROOT, "train accuracy %.4f  test accuracy %.4f  generalization error %.4f%nrun written to %s%n",
                    f.get("train_accuracy").asDouble(), f.get("test_accuracy").asDouble(),
                    f.get("generalization_error").asDouble(), out);
        }
        return 0;
    }
}
