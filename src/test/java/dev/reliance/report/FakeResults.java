package dev.reliance.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes fake sweep and run directories in the on-disk formats of 'reliance sweep', 'train',
 * 'analyze' and dynamics, with deterministic synthetic numbers shaped like the paper's results
 * (more corruption: faster collapse; batch norm: more robust, less selective).
 */
final class FakeResults {
    static final double[] CORRUPTIONS = {0.0, 0.5, 1.0};
    static final String DYNAMICS_RUN = "f0_bn0_d0_s1";
    static final String MEAN_ABLATION_RUN = "f0_bn1_d0_s2";

    private FakeResults() {}

    /** One network's settings. */
    record Spec(String id, double corruption, boolean bn, double dropout, int seed) {}

    static List<Spec> sweepSpecs() {
        List<Spec> specs = new ArrayList<>();
        for (double f : CORRUPTIONS) {
            for (int bn = 0; bn <= 1; bn++) {
                for (int seed = 1; seed <= 2; seed++) {
                    specs.add(new Spec(id(f, bn == 1, 0.0, seed), f, bn == 1, 0.0, seed));
                }
            }
        }
        for (int seed = 1; seed <= 2; seed++) {
            specs.add(new Spec(id(0.0, false, 0.5, seed), 0.0, false, 0.5, seed));
        }
        return specs;
    }

    static String id(double f, boolean bn, double dropout, int seed) {
        return "f" + fmt(f) + "_bn" + (bn ? 1 : 0) + "_d" + fmt(dropout) + "_s" + seed;
    }

    /** 3 corruption levels x BN on/off x 2 seeds, plus 2 dropout networks; one with dynamics, one with mean ablation. */
    static Path sweep(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("spec.json"), """
                {
                  "name": "fake-mnist-sweep",
                  "dataset": "mnist",
                  "models": ["mlp:32,32"],
                  "corruption": [0.0, 0.5, 1.0],
                  "batch_norm": [false, true],
                  "seeds": [1, 2]
                }
                """);
        StringBuilder runs = new StringBuilder("id,dataset,model,batch_norm,dropout,corruption,seed,learning_rate,"
                + "batch_size,optimizer,epochs,train_accuracy,test_accuracy,train_loss,test_loss,generalization_error,"
                + "ablation_auc,ablation_auc_intact,noise_auc,noise_auc_intact,mean_selectivity,"
                + "mean_mutual_information,mean_selectivity_layer0,mean_selectivity_layer1\n");
        for (Spec s : sweepSpecs()) {
            Path runDir = dir.resolve("runs").resolve(s.id());
            Numbers n = run(runDir, s, s.id().equals(DYNAMICS_RUN), s.id().equals(MEAN_ABLATION_RUN));
            runs.append(String.join(",", s.id(), "mnist", "\"mlp:32,32\"", Boolean.toString(s.bn()), fmt(s.dropout()),
                    fmt(s.corruption()), Integer.toString(s.seed()), "0.01", "128", "sgd", "40", fmt(n.train),
                    fmt(n.test), fmt(n.trainLoss), fmt(n.testLoss), fmt(n.train - n.test), fmt(n.auc),
                    fmt(n.auc / n.train), fmt(n.noiseAuc), fmt(n.noiseAuc / n.train), fmt(n.si), fmt(n.mi),
                    fmt(n.si * 0.9), "")).append('\n');
        }
        Files.writeString(dir.resolve("runs.csv"), runs);
        Files.writeString(dir.resolve("correlations.json"), """
                {
                  "ablation_auc_vs_generalization_error": {"spearman": -0.8123, "spearman_p": 0.00042, "pearson": -0.77, "pearson_p": 0.0013, "n": 14},
                  "ablation_auc_vs_test_accuracy": {"spearman": 0.914, "spearman_p": 4.1e-6, "pearson": 0.88, "pearson_p": 3e-5, "n": 14},
                  "ablation_auc_vs_test_loss": {"spearman": -0.61, "spearman_p": 0.02, "pearson": -0.58, "pearson_p": 0.03, "n": 14},
                  "noise_auc_vs_generalization_error": {"spearman": -0.7, "spearman_p": 0.005, "pearson": -0.66, "pearson_p": 0.01, "n": 14},
                  "noise_auc_vs_test_accuracy": {"spearman": 0.72, "spearman_p": 0.004, "pearson": 0.7, "pearson_p": 0.005, "n": 14},
                  "noise_auc_vs_test_loss": {"spearman": "NaN", "spearman_p": null, "pearson": -0.5, "pearson_p": 0.07, "n": 14},
                  "model_selection": {"subset_size": 5, "repeats": 1000, "top_k": [
                    {"k": 1, "hit_rate": 0.61, "chance": 0.2}, {"k": 2, "hit_rate": 0.83, "chance": 0.4}]}
                }
                """);
        return dir;
    }

    /** A single run directory with analysis, mean ablation and dynamics. */
    static Path singleRun(Path dir) throws IOException {
        run(dir, new Spec("single", 0.2, false, 0.0, 7), true, true);
        return dir;
    }

    record Numbers(double train, double test, double trainLoss, double testLoss, double auc, double noiseAuc,
            double si, double mi) {}

    static Numbers run(Path dir, Spec s, boolean dynamics, boolean meanAblation) throws IOException {
        Random rnd = new Random(s.id().hashCode());
        double f = s.corruption();
        double train = 1.0 - 0.02 * rnd.nextDouble();
        double test = 0.97 - 0.85 * f + (s.bn() ? 0.01 : 0) - 0.02 * rnd.nextDouble();
        double trainLoss = 0.02 + 0.05 * f;
        double testLoss = 0.1 + 2.0 * f + 0.05 * rnd.nextDouble();
        Files.createDirectories(dir.resolve("analysis"));
        Files.writeString(dir.resolve("run.json"), String.format(Locale.ROOT, """
                {
                  "format": "reliance-run/1",
                  "config": {"dataset": "mnist", "dataDir": null, "trainSize": 1000, "testSize": 500,
                    "corruption": %s, "model": "mlp:32,32", "batchNorm": %s, "dropout": %s, "optimizer": "sgd",
                    "learningRate": 0.01, "momentum": 0.9, "batchSize": 128, "epochs": 40, "weightDecay": 0.0,
                    "seed": %d, "checkpointEvery": 0, "stopAtTrainAccuracy": 0.0, "threads": 0},
                  "seed": %d,
                  "final": {"epoch": 40, "train_accuracy": %s, "test_accuracy": %s, "train_loss": %s,
                    "test_loss": %s, "generalization_error": %s},
                  "epochs_trained": 40
                }
                """, fmt(f), s.bn(), fmt(s.dropout()), s.seed(), s.seed(), fmt(train), fmt(test), fmt(trainLoss),
                fmt(testLoss), fmt(train - test)));
        StringBuilder metrics = new StringBuilder("epoch,train_loss,train_accuracy,test_loss,test_accuracy\n");
        for (int e = 1; e <= 40; e++) {
            metrics.append(e).append(',').append(fmt(2.3 * Math.exp(-e / 6.0) + trainLoss)).append(',')
                    .append(fmt(train * (1 - Math.exp(-e / 5.0)))).append(',')
                    .append(fmt(2.3 * Math.exp(-e / 6.0) + testLoss)).append(',')
                    .append(fmt(test * (1 - Math.exp(-e / 5.0)))).append('\n');
        }
        Files.writeString(dir.resolve("metrics.csv"), metrics);

        double k = (2 + 10 * f) * (s.bn() ? 0.6 : 1.0) * (1 - 0.5 * s.dropout()) * (0.9 + 0.2 * rnd.nextDouble());
        double auc = ablationCurve(dir.resolve("analysis/ablation_curve.csv"), train, k, 1.0);
        double noiseAuc = noiseCurve(dir.resolve("analysis/noise_curve.csv"), train, 0.3 + 2.0 * (1 - f));
        double[] simi = units(dir.resolve("analysis/units.csv"), rnd, s.bn());
        summary(dir.resolve("analysis/summary.json"), auc, auc / train, noiseAuc, rnd);
        if (meanAblation) {
            Files.createDirectories(dir.resolve("analysis-mean"));
            double meanAuc = ablationCurve(dir.resolve("analysis-mean/ablation_curve.csv"), train, k, 1.8);
            summary(dir.resolve("analysis-mean/summary.json"), meanAuc, meanAuc / train, Double.NaN, rnd);
        }
        if (dynamics) {
            dynamics(dir.resolve("dynamics"));
        }
        return new Numbers(train, test, trainLoss, testLoss, auc, noiseAuc, simi[0], simi[1]);
    }

    /** 33 points (32 units); accuracy decays from {@code intact} to chance; returns the trapezoid AUC. */
    private static double ablationCurve(Path file, double intact, double k, double harsher) throws IOException {
        int units = 32;
        StringBuilder sb = new StringBuilder("units_ablated,fraction,mean_accuracy,sd_accuracy,mean_loss,sd_loss\n");
        double auc = 0;
        double prev = 0;
        for (int i = 0; i <= units; i++) {
            double x = i / (double) units;
            double y = 0.1 + (intact - 0.1) * Math.exp(-k * harsher * x * x * 3);
            double sd = i == 0 ? 0 : 0.05 * Math.sin(Math.PI * x);
            sb.append(i).append(',').append(fmt(x)).append(',').append(fmt(y)).append(',').append(fmt(sd)).append(',')
                    .append(fmt(2.3 * (1 - y))).append(",0.1\n");
            if (i > 0) {
                auc += (y + prev) / 2 / units;
            }
            prev = y;
        }
        Files.writeString(file, sb);
        return auc;
    }

    private static double noiseCurve(Path file, double intact, double halfway) throws IOException {
        int n = 20;
        StringBuilder sb = new StringBuilder("scale_index,scale,mean_accuracy,sd_accuracy,mean_loss,sd_loss\n");
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double scale = Math.pow(10, -1.5 + 2.5 * i / (n - 1));
            double y = 0.1 + (intact - 0.1) / (1 + Math.pow(scale / halfway, 2));
            sum += y;
            sb.append(i).append(',').append(fmt(scale)).append(',').append(fmt(y)).append(",0.02,")
                    .append(fmt(2.3 * (1 - y))).append(",0.05\n");
        }
        Files.writeString(file, sb);
        return sum / n;
    }

    /** Two layers of 16 units; a few dead or undefined; importance weakly related to selectivity. */
    private static double[] units(Path file, Random rnd, boolean bn) throws IOException {
        StringBuilder sb = new StringBuilder("layer,unit,selectivity,selectivity_defined,dead,mutual_information,"
                + "entropy,l1_norm,importance_loss,importance_accuracy\n");
        double siSum = 0;
        double miSum = 0;
        int siN = 0;
        for (int layer = 0; layer < 2; layer++) {
            for (int u = 0; u < 16; u++) {
                boolean undefined = u == 5 && layer == 1;
                double si = Math.min(1, Math.max(0, (bn ? 0.25 : 0.45) + 0.2 * rnd.nextGaussian()));
                double mi = Math.max(0, (bn ? 0.7 : 0.5) + 0.2 * rnd.nextGaussian());
                double imp = 0.001 + 0.01 * rnd.nextDouble() + 0.002 * si;
                sb.append(layer).append(',').append(u).append(',').append(undefined ? "" : fmt(si)).append(',')
                        .append(!undefined).append(',').append(false).append(',').append(fmt(mi)).append(',')
                        .append(fmt(2.5)).append(',').append(fmt(3 + rnd.nextDouble())).append(',')
                        .append(fmt(imp)).append(',').append(fmt(imp / 3)).append('\n');
                if (!undefined) {
                    siSum += si;
                    siN++;
                }
                miSum += mi;
            }
        }
        Files.writeString(file, sb);
        return new double[] {siSum / siN, miSum / 32};
    }

    private static void summary(Path file, double auc, double aucIntact, double noiseAuc, Random rnd)
            throws IOException {
        String corr = corrJson(rnd);
        Files.writeString(file, String.format(Locale.ROOT, """
                {
                  "format": "reliance-analysis/1",
                  "evaluated_on": "train",
                  "ablation": {"mode": "zero", "auc": %s, "auc_intact_normalized": %s},
                  %s
                  "correlations": {
                    "pooled": %s,
                    "per_layer": {"0": %s, "1": %s}
                  }
                }
                """, fmt(auc), fmt(aucIntact), Double.isNaN(noiseAuc) ? ""
                        : "\"noise\": {\"auc\": " + fmt(noiseAuc) + ", \"auc_intact_normalized\": 0.5},",
                corr, corrJson(rnd), corrJson(rnd)));
    }

    private static String corrJson(Random rnd) {
        StringBuilder sb = new StringBuilder("{");
        String[] keys = {"importance_vs_selectivity", "importance_vs_mutual_information", "importance_vs_l1_norm"};
        for (int i = 0; i < keys.length; i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(keys[i]).append("\": {\"spearman\": ")
                    .append(fmt(0.3 * rnd.nextDouble() - 0.1)).append(", \"spearman_p\": ")
                    .append(fmt(rnd.nextDouble())).append(", \"pearson\": 0.05, \"pearson_p\": 0.5, \"n\": 32}");
        }
        return sb.append('}').toString();
    }

    private static void dynamics(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder(
                "epoch,train_loss,train_accuracy,test_loss,test_accuracy,ablation_auc,ablation_auc_intact,noise_auc\n");
        for (int e = 0; e <= 40; e += 4) {
            double train = 2.3 * Math.exp(-e / 6.0) + 0.01;
            double test = 2.3 * Math.exp(-e / 6.0) + 0.3 + 0.03 * Math.max(0, e - 12);
            double auc = 0.4 + 0.35 * (1 - Math.exp(-e / 4.0)) - 0.006 * Math.max(0, e - 16);
            sb.append(e).append(',').append(fmt(train)).append(',').append(fmt(1 - train / 2.4)).append(',')
                    .append(fmt(test)).append(',').append(fmt(0.9 - test / 10)).append(',').append(fmt(auc))
                    .append(',').append(fmt(auc / 0.99)).append(',').append(fmt(auc * 0.9)).append('\n');
        }
        Files.writeString(dir.resolve("dynamics.csv"), sb);
        Files.writeString(dir.resolve("dynamics.json"), """
                {"auc_decline_epoch": 16, "loss_divergence_epoch": 12,
                 "spearman_auc_vs_test_loss": {"spearman": -0.728, "spearman_p": 0.011, "n": 11}}
                """);
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+$", "$1")
                .replaceAll("\\.$", "");
    }
}
