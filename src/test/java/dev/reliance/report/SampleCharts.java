package dev.reliance.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Charts shaped like the paper's figures, with deterministic synthetic data. */
final class SampleCharts {
    private SampleCharts() {}

    /** Fig 1-like: accuracy vs fraction ablated, one curve per corruption level, +-SD bands. */
    static LineChart ablation() {
        List<Series> series = new ArrayList<>();
        double[] fractions = {0, 0.2, 0.4, 0.6, 0.8, 1.0};
        int steps = 51;
        for (double f : fractions) {
            double[] x = new double[steps];
            double[] y = new double[steps];
            double[] sd = new double[steps];
            for (int i = 0; i < steps; i++) {
                x[i] = i / (double) (steps - 1);
                double k = 2 + 10 * f;
                y[i] = 0.1 + 0.9 * Math.exp(-k * x[i] * x[i] * 3);
                sd[i] = 0.04 * Math.sin(Math.PI * x[i]) * (1 + f);
            }
            series.add(new Series("corruption " + f, x, y, sd));
        }
        return new LineChart("Cumulative ablation (MNIST MLP)", "fraction of units ablated", "train accuracy",
                series, false, 0.0, 1.0, Palette.SEQUENTIAL);
    }

    /** Fig 2-like: accuracy vs noise scale on a log axis, with a NaN gap. */
    static LineChart noise() {
        int n = 20;
        double[] x = new double[n];
        double[] clean = new double[n];
        double[] random = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.pow(10, -1.5 + 2.5 * i / (n - 1));
            clean[i] = 0.1 + 0.9 / (1 + Math.pow(x[i] / 2, 2));
            random[i] = 0.1 + 0.9 / (1 + Math.pow(x[i] / 0.3, 2));
        }
        random[7] = Double.NaN;
        return new LineChart("Noise perturbation", "noise scale (x SD)", "train accuracy",
                List.of(new Series("clean labels", x, clean), new Series("random labels", x, random)),
                true, null, null);
    }

    /** Fig 4a-like: AUC over training beside train and test loss. */
    static DualAxisChart dynamics() {
        int n = 60;
        double[] epoch = new double[n];
        double[] auc = new double[n];
        double[] train = new double[n];
        double[] test = new double[n];
        for (int i = 0; i < n; i++) {
            epoch[i] = i * 10;
            train[i] = 2.3 * Math.exp(-i / 8.0) + 0.01;
            test[i] = 2.3 * Math.exp(-i / 8.0) + 0.3 + 0.02 * Math.max(0, i - 15);
            auc[i] = 0.55 + 0.3 * (1 - Math.exp(-i / 5.0)) - 0.004 * Math.max(0, i - 15);
        }
        return new DualAxisChart("Training dynamics", "epoch", "ablation AUC", "loss",
                List.of(new Series("AUC", epoch, auc)),
                List.of(new Series("train loss", epoch, train), new Series("test loss", epoch, test)));
    }

    /** Fig 4c-like: AUC against test accuracy, labelled points and a least-squares line. */
    static ScatterChart auCvsAccuracy() {
        Random r = new Random(7);
        List<ScatterGroup> groups = new ArrayList<>();
        String[] names = {"lr 0.01", "lr 0.1"};
        for (int g = 0; g < 2; g++) {
            int n = 8;
            double[] x = new double[n];
            double[] y = new double[n];
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                x[i] = 0.4 + 0.5 * r.nextDouble();
                y[i] = 0.5 + 0.45 * x[i] + 0.03 * r.nextGaussian();
                labels.add(i == 0 ? "net " + g : null);
            }
            groups.add(new ScatterGroup(names[g], x, y, labels));
        }
        return new ScatterChart("AUC predicts test accuracy", "ablation AUC", "test accuracy", groups, true);
    }

    /** Fig 6-like: selectivity distributions with and without batch norm. */
    static Histogram selectivity() {
        Random r = new Random(3);
        double[] bn = new double[500];
        double[] plain = new double[400];
        for (int i = 0; i < bn.length; i++) {
            bn[i] = Math.min(1, Math.abs(0.15 + 0.08 * r.nextGaussian()));
        }
        for (int i = 0; i < plain.length; i++) {
            plain[i] = Math.min(1, Math.abs(0.35 + 0.15 * r.nextGaussian()));
        }
        return new Histogram("Class selectivity", "selectivity index",
                List.of(new Histogram.Sample("batch norm", bn), new Histogram.Sample("no batch norm", plain)),
                25, true, 0.0, 1.0);
    }

    /** Fig 5-like: AUC by dropout fraction, grouped by corruption, with SD error bars. */
    static BarChart dropout() {
        return new BarChart("Dropout", "dropout fraction", "ablation AUC", List.of("0", "0.1", "0.2", "0.3"),
                List.of(new BarGroup("clean", new double[] {0.62, 0.70, 0.76, 0.80}, new double[] {0.02, 0.02, 0.03, 0.02}),
                        new BarGroup("random labels", new double[] {0.31, 0.38, Double.NaN, 0.47},
                                new double[] {0.03, 0.04, 0.02, 0.05})),
                0.0, 1.0, Palette.CATEGORICAL);
    }

    static List<Chart> all() {
        return List.of(ablation(), noise(), dynamics(), auCvsAccuracy(), selectivity(), dropout());
    }
}
