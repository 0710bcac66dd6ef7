package dev.reliance.cli;

import dev.reliance.train.EpochMetrics;
import dev.reliance.train.TrainingListener;
import dev.reliance.util.ProgressBar;
import java.util.Locale;

/** Draws a progress bar per epoch and prints each epoch's metrics. */
final class TrainingProgress implements TrainingListener {
    private final int epochs;
    private ProgressBar bar;
    private int barEpoch = -1;

    TrainingProgress(int epochs) {
        this.epochs = epochs;
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, double loss, double acc) {
        if (epoch != barEpoch) {
            bar = new ProgressBar(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs), batches);
            barEpoch = epoch;
        }
        bar.update(batch, String.format(Locale.ROOT, "loss %.4f acc %.4f", loss, acc));
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        if (bar != null) bar.finish("");
        System.err.printf(Locale.ROOT, "epoch %d: train loss %.4f acc %.4f | test loss %.4f acc %.4f%n", m.epoch(),
                m.trainLoss(), m.trainAccuracy(), m.testLoss(), m.testAccuracy());
    }
}
