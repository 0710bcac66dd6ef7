package dev.reliance.bench;

import dev.reliance.data.DataSplits;
import dev.reliance.run.RunData;
import dev.reliance.train.EpochMetrics;
import dev.reliance.train.NetworkTrainer;
import dev.reliance.train.TrainConfig;
import dev.reliance.train.TrainingListener;
import dev.reliance.util.Engines;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Epoch time of Reliance's own training loop ({@link NetworkTrainer#train}) on Fashion-MNIST,
 * for the two setups that {@code bench/torch_epoch.py} times in plain PyTorch: an MLP
 * 784-512-512-10 and the CNN {@code cnn:16,32/2,32}, SGD lr 0.01 momentum 0.9, batch 128.
 *
 * <p>Per epoch it reports the training part (the batches: gather, forward, backward, step and the
 * per-batch loss/accuracy read-back) and the evaluation part (the full train + test pass in
 * inference mode that the trainer runs after every epoch). Data loading is not timed.
 *
 * <p>Run: {@code java -Dai.djl.offline=true -cp "target/reliance.jar:target/lib/*"
 * dev.reliance.bench.TrainBench [--epochs 2] [--threads 2] [--models mlp,cnn] [--data DIR]}.
 */
public final class TrainBench {
    /** The benchmark's model specs, by short kind name. */
    public static final List<String> MODELS = List.of("mlp:512,512", "cnn:16,32/2,32");

    private TrainBench() {}

    /**
     * One epoch of one model. {@code trainSeconds} is the time from the end of the first batch
     * to the end of the last, scaled by {@code batches / (batches - 1)} (the listener cannot see
     * the start of the first batch); {@code evalSeconds} is from the end of the last batch to
     * {@code onEpoch}, i.e. the full train + test evaluation.
     */
    public record Row(String model, int epoch, double trainSeconds, double evalSeconds, double trainAccuracy,
            double testAccuracy) {
        public double epochSeconds() {
            return trainSeconds + evalSeconds;
        }
    }

    /**
     * Trains each of {@code models} (specs such as {@code mlp:512,512}) for {@code epochs} epochs
     * and times every epoch. {@code threads} only takes effect if the PyTorch engine has not been
     * loaded yet in this JVM; {@code dataDir} null means the usual lookup (Debian's folder, cache).
     */
    public static List<Row> run(int epochs, List<String> models, int threads, String dataDir, PrintStream log) {
        Engines.offline();
        Engines.threads(threads);
        long t = System.nanoTime();
        DataSplits data = RunData.prepare(config(models.get(0), epochs, threads, dataDir));
        log.printf(Locale.ROOT, "data loaded in %.2fs (not timed below)%n", seconds(System.nanoTime() - t));
        List<Row> rows = new ArrayList<>();
        for (String model : models) {
            EpochTimer timer = new EpochTimer(model, log);
            try (NetworkTrainer.Result r = NetworkTrainer.train(config(model, epochs, threads, dataDir), data, timer)) {
                rows.addAll(timer.rows);
            }
        }
        return rows;
    }

    static TrainConfig config(String model, int epochs, int threads, String dataDir) {
        TrainConfig d = TrainConfig.defaults();
        return new TrainConfig(d.dataset(), dataDir, 0, 0, 0.0, model, false, 0.0, "sgd", 0.01, 0.9, 128, epochs,
                0.0, 1L, 0, 0.0, threads);
    }

    /** Times epochs from the trainer's callbacks. */
    private static final class EpochTimer implements TrainingListener {
        final String model;
        final PrintStream log;
        final List<Row> rows = new ArrayList<>();
        long firstBatch, lastBatch;
        int batches;

        EpochTimer(String model, PrintStream log) {
            this.model = model;
            this.log = log;
        }

        @Override
        public void onBatch(int epoch, int batch, int batches, double runningLoss, double runningAccuracy) {
            long now = System.nanoTime();
            if (batch == 1) firstBatch = now;
            if (batch == batches) lastBatch = now;
            this.batches = batches;
        }

        @Override
        public void onEpoch(EpochMetrics m) {
            long now = System.nanoTime();
            double train = batches > 1 ? seconds(lastBatch - firstBatch) * batches / (batches - 1) : Double.NaN;
            Row row = new Row(model, m.epoch(), train, seconds(now - lastBatch), m.trainAccuracy(), m.testAccuracy());
            rows.add(row);
            log.printf(Locale.ROOT, "  %s epoch %d: train %.2fs  eval %.2fs  train acc %.4f  test acc %.4f%n",
                    model, row.epoch(), row.trainSeconds(), row.evalSeconds(), row.trainAccuracy(), row.testAccuracy());
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The rows as a fixed-width table. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-16s %5s %8s %7s %12s %8s%n",
                "model", "epoch", "train s", "eval s", "epoch+eval s", "test acc"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-16s %5d %8.2f %7.2f %12.2f %8.4f%n", r.model(), r.epoch(),
                    r.trainSeconds(), r.evalSeconds(), r.epochSeconds(), r.testAccuracy()));
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        int epochs = 2, threads = 2;
        String dataDir = null;
        List<String> kinds = List.of("mlp", "cnn");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println("usage: TrainBench [--epochs N (2)] [--threads N (2)] [--models mlp,cnn] [--data DIR]");
                return;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
            String v = args[++i];
            switch (a) {
                case "--epochs" -> epochs = Integer.parseInt(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--data" -> dataDir = v;
                case "--models" -> kinds = Arrays.asList(v.split(","));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        List<String> models = new ArrayList<>();
        for (String k : kinds) {
            String spec = MODELS.stream().filter(s -> s.startsWith(k.strip() + ":")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown model kind " + k + " (mlp or cnn)"));
            models.add(spec);
        }
        System.out.printf(Locale.ROOT, "Reliance TrainBench: %d epoch(s), %d thread(s), java %s%n", epochs, threads,
                Runtime.version());
        List<Row> rows = run(epochs, models, threads, dataDir, System.out);
        System.out.println();
        System.out.print(table(rows));
    }
}
