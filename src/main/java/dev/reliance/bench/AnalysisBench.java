package dev.reliance.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import dev.reliance.data.DataSplits;
import dev.reliance.data.Dataset;
import dev.reliance.data.Subsets;
import dev.reliance.model.ModelConfig;
import dev.reliance.model.ProbedNetwork;
import dev.reliance.probe.AblationMode;
import dev.reliance.probe.AblationPlan;
import dev.reliance.probe.AblationResult;
import dev.reliance.probe.ActivationStats;
import dev.reliance.probe.DenseAblation;
import dev.reliance.probe.DenseNoise;
import dev.reliance.probe.NoisePlan;
import dev.reliance.probe.Orderings;
import dev.reliance.probe.ReferenceAblation;
import dev.reliance.probe.ReferenceNoise;
import dev.reliance.probe.UnitSet;
import dev.reliance.run.RunData;
import dev.reliance.train.NetworkTrainer;
import dev.reliance.train.TrainConfig;
import dev.reliance.util.Engines;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The analysis benchmark of the issue: mlp:512,512 on the 60,000 Fashion-MNIST training
 * images, 10 orderings: (a) exact every-count curves, (b) a 20-point grid, (c) noise with 20
 * scales x 10 repeats; each beside the plain approach (a full forward pass per point, timed on
 * a subset of points and examples and scaled).
 * Run: {@code ./reliance bench analysis [--examples N] [--skip-exact]}.
 */
public final class AnalysisBench {
    private AnalysisBench() {}

    public static void main(String[] args) {
        Engines.offline();
        int examples = 60000;
        boolean exact = true;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--examples")) examples = Integer.parseInt(args[++i]);
            if (args[i].equals("--skip-exact")) exact = false;
        }
        run(examples, exact, Runtime.getRuntime().availableProcessors(), System.out);
    }

    public static void run(int examples, boolean exact, int threads, PrintStream out) {
        TrainConfig cfg = TrainConfig.defaults();
        DataSplits data = RunData.prepare(cfg);
        Dataset train = examples >= data.train().size() ? data.train()
                : data.train().subset(Subsets.seededSubset(data.train().size(), examples, 1));
        ModelConfig mc = NetworkTrainer.modelConfig(cfg, train);
        ProbedNetwork net = new ProbedNetwork(mc);
        try (Model model = NetworkTrainer.newModel(net, 1)) {
            NDManager m = model.getNDManager();
            ActivationStats stats = ActivationStats.compute(net, m, train);
            UnitSet set = UnitSet.defaultFor(mc, 3);
            List<int[]> orderings = Orderings.random(set.size(), 10, 1);
            Dataset sample = train.subset(Subsets.seededSubset(train.size(), Math.min(5000, train.size()), 2));
            out.printf(Locale.ROOT, "analysis benchmark: %s, %d examples, %d units, 10 orderings, %d threads%n",
                    mc.spec(), train.size(), set.size(), threads);
            out.printf(Locale.ROOT, "%-28s %10s %14s %10s %14s %8s%n", "task", "wall s", "fwd-equiv/s", "GFLOP/s", "plain s (est)", "speedup");
            double perPlainPoint = plainAblationSecondsPerPoint(net, m, set, orderings, stats, sample) * train.size() / sample.size();
            AblationPlan grid = new AblationPlan(set, orderings, AblationPlan.grid(set.size(), 20), AblationMode.ZERO);
            row(out, "(b) 20-point grid", grid.counts().length * 10L, train.size(),
                    time(() -> DenseAblation.run(net, m, grid, stats, train, threads, n -> {})), perPlainPoint);
            NoisePlan noise = new NoisePlan(set, NoisePlan.logSpaced(-1.5, 1, 20), 10, false, 1);
            double perPlainNoise = plainNoiseSecondsPerPoint(net, m, set, stats, sample) * train.size() / sample.size();
            row(out, "(c) noise 20 scales x 10", 200, train.size(),
                    time(() -> DenseNoise.run(net, m, noise, stats, train, threads, n -> {})), perPlainNoise);
            if (exact) {
                AblationPlan every = new AblationPlan(set, orderings, AblationPlan.everyCount(set.size()), AblationMode.ZERO);
                row(out, "(a) exact, every count", every.counts().length * 10L, train.size(),
                        time(() -> DenseAblation.run(net, m, every, stats, train, threads, n -> {})), perPlainPoint);
            }
        }
    }

    private record Timed(AblationResult result, double seconds) {}

    private static Timed time(java.util.function.Supplier<AblationResult> task) {
        long t0 = System.nanoTime();
        AblationResult r = task.get();
        return new Timed(r, (System.nanoTime() - t0) / 1e9);
    }

    private static void row(PrintStream out, String task, long points, int examples, Timed t, double plainPerPoint) {
        double plain = plainPerPoint * points;
        out.printf(Locale.ROOT, "%-28s %10.2f %14.0f %10.1f %14.1f %7.0fx%n", task, t.seconds(), points * (double) examples / t.seconds(),
                t.result().flops() / t.seconds() / 1e9, plain, plain / t.seconds());
    }

    /** Seconds per ablation state of a full masked forward pass over {@code sample}. */
    private static double plainAblationSecondsPerPoint(ProbedNetwork net, NDManager m, UnitSet set, List<int[]> orderings,
            ActivationStats stats, Dataset sample) {
        AblationPlan plan = new AblationPlan(set, orderings.subList(0, 1), new int[] {100, 400, 700, 1000}, AblationMode.ZERO);
        ReferenceAblation.run(net, m, plan, stats, sample); // warm-up
        return time(() -> ReferenceAblation.run(net, m, plan, stats, sample)).seconds() / plan.counts().length;
    }

    private static double plainNoiseSecondsPerPoint(ProbedNetwork net, NDManager m, UnitSet set, ActivationStats stats, Dataset sample) {
        NoisePlan plan = new NoisePlan(set, new double[] {0.1, 1}, 2, false, 3);
        return time(() -> ReferenceNoise.run(net, m, plan, stats, sample)).seconds() / 4;
    }
}
