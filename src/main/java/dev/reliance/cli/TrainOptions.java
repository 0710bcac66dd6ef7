package dev.reliance.cli;

import dev.reliance.train.TrainConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that define a training run, shared by the commands that train. */
final class TrainOptions {
    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "mnist, fashion-mnist or cifar10 (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data", description = "Directory holding the data set files (default: Debian's location, then the user cache, then download).")
    Path data;

    @Option(names = "--train-size", defaultValue = "0", description = "Train on a seeded subset of N examples (0: all).")
    int trainSize;

    @Option(names = "--test-size", defaultValue = "0", description = "Test on a seeded subset of N examples (0: all).")
    int testSize;

    @Option(names = "--corruption", defaultValue = "0", description = "Fraction f of training labels to corrupt, in [0, 1] (default: ${DEFAULT-VALUE}).")
    double corruption;

    @Option(names = "--model", defaultValue = "mlp:512,512", description = "mlp:W1,W2,... or cnn:C1,C2/S2,... (/S: stride; cnn:paper = 11-layer ConvNet) (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--bn", description = "Batch norm before every hidden ReLU.")
    boolean batchNorm;

    @Option(names = "--dropout", defaultValue = "0", description = "Dropout rate after every hidden layer, in [0, 1) (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--optimizer", defaultValue = "sgd", description = "sgd (with momentum) or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0.01", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--batch-size", defaultValue = "128", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--weight-decay", defaultValue = "0", description = "L2 weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for subsets, corruption, initialisation, dropout and batch order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--checkpoint-every", defaultValue = "0", description = "Save weights every K epochs under checkpoints/ (0: never).")
    int checkpointEvery;

    @Option(names = "--stop-at-train-accuracy", defaultValue = "0", description = "Stop once training accuracy reaches this value (memorisation runs; 0: off).")
    double stopAt;

    @Option(names = "--threads", defaultValue = "0", description = "PyTorch threads (0: all cores; 1: bitwise reproducible).")
    int threads;

    TrainConfig toConfig() {
        return new TrainConfig(dataset, data == null ? null : data.toString(), trainSize, testSize, corruption, model,
                batchNorm, dropout, optimizer, lr, momentum, batchSize, epochs, weightDecay, seed, checkpointEvery, stopAt,
                threads);
    }
}
