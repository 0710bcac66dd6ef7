package dev.reliance.train;

import dev.reliance.model.ProbedNetwork;

/** Callbacks from the training loop: progress, per-epoch metrics and checkpoints. */
public interface TrainingListener {
    default void onBatch(int epoch, int batch, int batches, double runningLoss, double runningAccuracy) {}

    default void onEpoch(EpochMetrics metrics) {}

    /** Called at epoch 0 (initial weights) and every K epochs when checkpointing is on. */
    default void onCheckpoint(int epoch, ProbedNetwork net) {}
}
