package dev.reliance.train;

import dev.reliance.util.UserException;

/**
 * Everything that defines a training run. Recorded verbatim in run.json, so a run can be
 * reproduced and reloaded from it. Zero sizes mean "the whole split"; a non-positive
 * {@code stopAtTrainAccuracy} means "train all epochs".
 */
public record TrainConfig(
        String dataset,
        String dataDir,
        int trainSize,
        int testSize,
        double corruption,
        String model,
        boolean batchNorm,
        double dropout,
        String optimizer,
        double learningRate,
        double momentum,
        int batchSize,
        int epochs,
        double weightDecay,
        long seed,
        int checkpointEvery,
        double stopAtTrainAccuracy,
        int threads) {

    public static TrainConfig defaults() {
        return new TrainConfig("fashion-mnist", null, 0, 0, 0.0, "mlp:512,512", false, 0.0, "sgd", 0.01,
                0.9, 128, 10, 0.0, 1L, 0, 0.0, 0);
    }

    /** Checks every value and names the offending option in a one-line error. */
    public TrainConfig validate() {
        if (!(corruption >= 0 && corruption <= 1)) fail("--corruption", "must be in [0, 1], got " + corruption);
        if (!(dropout >= 0 && dropout < 1)) fail("--dropout", "must be in [0, 1), got " + dropout);
        if (!optimizer.equals("sgd") && !optimizer.equals("adam")) fail("--optimizer", "must be sgd or adam, got '" + optimizer + "'");
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) fail("--lr", "must be positive, got " + learningRate);
        if (!(momentum >= 0 && momentum < 1)) fail("--momentum", "must be in [0, 1), got " + momentum);
        if (batchSize <= 0) fail("--batch-size", "must be positive, got " + batchSize);
        if (epochs <= 0) fail("--epochs", "must be positive, got " + epochs);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) fail("--weight-decay", "must be >= 0, got " + weightDecay);
        if (trainSize < 0) fail("--train-size", "must be positive, got " + trainSize);
        if (testSize < 0) fail("--test-size", "must be positive, got " + testSize);
        if (checkpointEvery < 0) fail("--checkpoint-every", "must be >= 0, got " + checkpointEvery);
        if (stopAtTrainAccuracy > 1) fail("--stop-at-train-accuracy", "must be at most 1, got " + stopAtTrainAccuracy);
        if (threads < 0) fail("--threads", "must be >= 0, got " + threads);
        return this;
    }

    private static void fail(String option, String why) {
        throw new UserException(option + ": " + why);
    }

    public TrainConfig withCorruption(double f) {
        return new TrainConfig(dataset, dataDir, trainSize, testSize, f, model, batchNorm, dropout, optimizer,
                learningRate, momentum, batchSize, epochs, weightDecay, seed, checkpointEvery, stopAtTrainAccuracy, threads);
    }

    public TrainConfig withDataDir(String dir) {
        return new TrainConfig(dataset, dir, trainSize, testSize, corruption, model, batchNorm, dropout, optimizer,
                learningRate, momentum, batchSize, epochs, weightDecay, seed, checkpointEvery, stopAtTrainAccuracy, threads);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(dataset, dataDir, trainSize, testSize, corruption, model, batchNorm, dropout, optimizer,
                learningRate, momentum, batchSize, epochs, weightDecay, s, checkpointEvery, stopAtTrainAccuracy, threads);
    }
}
