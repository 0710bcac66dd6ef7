package dev.reliance.cli;

import dev.reliance.bench.AnalysisBench;
import dev.reliance.bench.TrainBench;
import dev.reliance.util.Engines;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print a table: 'analysis' (fast ablation and noise against a forward pass per point) "
                + "or 'train' (epoch time of mlp:512,512 and a small CNN on Fashion-MNIST).")
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WHAT", description = "analysis or train")
    String what;

    @Option(names = "--examples", defaultValue = "60000", description = "analysis: training images used (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--skip-exact", description = "analysis: skip the exact every-count curves (the slowest part).")
    boolean skipExact;

    @Option(names = "--epochs", defaultValue = "2", description = "train: epochs per model (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--threads", defaultValue = "0", description = "Threads (0: all cores).")
    int threads;

    @Override
    public Integer call() {
        Engines.threads(threads);
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        switch (what) {
            case "analysis" -> AnalysisBench.run(examples, !skipExact, t, System.out);
            case "train" -> System.out.print(TrainBench.table(TrainBench.run(epochs, TrainBench.MODELS, t, null, System.err)));
            default -> throw new dev.reliance.util.UserException("bench: WHAT must be analysis or train, got '" + what + "'");
        }
        return 0;
    }
}
