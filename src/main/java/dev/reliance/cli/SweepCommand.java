package dev.reliance.cli;

import dev.reliance.experiment.SweepRunner;
import dev.reliance.experiment.SweepSpec;
import dev.reliance.experiment.SweepTable;
import dev.reliance.util.Engines;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Train and analyse every grid point of a sweep spec (YAML or JSON); resumable. Writes runs.csv and correlations.json.")
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "Sweep spec file (see examples/).")
    Path spec;

    @Option(names = "--out", required = true, description = "Sweep directory (created; rerun the same command to resume).")
    Path out;

    @Option(names = "--workers", defaultValue = "1", description = "Runs in parallel, each in its own JVM (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--threads", defaultValue = "0", description = "PyTorch and analysis threads per run (0: all cores).")
    int threads;

    @Option(names = "--shard", defaultValue = "0/1", description = "Take runs I, I+N, ... of the grid (I/N), to spread a sweep over machines.")
    String shard;

    @Option(names = "--only", description = "Run only the run with this id (used by parallel workers).")
    String only;

    @Override
    public Integer call() {
        if (workers < 1) throw new dev.reliance.util.UserException("--workers: must be at least 1, got " + workers);
        Engines.threads(threads);
        Path file = resolve(spec, out);
        SweepSpec s = SweepSpec.read(file);
        List<SweepTable.Row> rows = SweepRunner.run(s, file.toAbsolutePath(), out, workers, SweepRunner.Shard.parse(shard), only, System.out);
        System.out.printf("%d finished runs; table in %s%n", rows.size(), out.resolve("runs.csv"));
        return 0;
    }

    /** A spec file, or the name of a built-in preset (copied into the sweep folder so workers can read it). */
    static Path resolve(Path spec, Path out) {
        if (java.nio.file.Files.exists(spec)) return spec;
        String text = SweepSpec.preset(spec.toString());
        if (text == null) {
            throw new dev.reliance.util.UserException(spec + ": sweep spec not found (and not a preset: demo, paper-mnist-mlp, paper-cifar-cnn)");
        }
        Path copy = out.resolve(spec + ".yaml");
        dev.reliance.util.AtomicFiles.writeString(copy, text);
        return copy;
    }
}
