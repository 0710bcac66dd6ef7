package dev.reliance.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.reliance.data.DataSplits;
import dev.reliance.data.Dataset;
import dev.reliance.model.Batches;
import dev.reliance.model.Inference;
import dev.reliance.model.ModelConfig;
import dev.reliance.model.ProbedNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a {@link ProbedNetwork} with DJL (autodiff, optimisers, BN and dropout all DJL's).
 * Seeded: the engine RNG (initialisation, dropout) and the batch order both derive from the
 * config's seed, so one thread gives bitwise-identical runs.
 */
public final class NetworkTrainer {
    private NetworkTrainer() {}

    /** The trained model (caller closes it) and its per-epoch history. */
    public record Result(Model model, ProbedNetwork network, List<EpochMetrics> history) implements AutoCloseable {
        public EpochMetrics last() {
            return history.get(history.size() - 1);
        }

        @Override
        public void close() {
            model.close();
        }
    }

    public static ModelConfig modelConfig(TrainConfig cfg, Dataset train) {
        return ModelConfig.parse(cfg.model(), cfg.batchNorm(), (float) cfg.dropout(), train.channels(),
                train.height(), train.width(), train.numClasses());
    }

    /** A fresh model holding an initialised network, seeded from {@code seed}. */
    public static Model newModel(ProbedNetwork net, long seed) {
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        Model model = Model.newInstance("reliance", Device.cpu(), "PyTorch");
        model.setBlock(net);
        ModelConfig c = net.config();
        net.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32,
                new Shape(1, c.channels(), c.height(), c.width()));
        return model;
    }

    /** Trains on {@code data.train()} (whose labels are the ones to learn, corrupted or not). */
    public static Result train(TrainConfig cfg, DataSplits data, TrainingListener listener) {
        cfg.validate();
        Dataset train = data.train();
        ProbedNetwork net = new ProbedNetwork(modelConfig(cfg, train));
        Model model = newModel(net, cfg.seed());
        List<EpochMetrics> history = new ArrayList<>();
        DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(optimizer(cfg))
                .optDevices(new Device[] {Device.cpu()});
        try (Trainer trainer = model.newTrainer(tc)) {
            if (cfg.checkpointEvery() > 0) listener.onCheckpoint(0, net);
            SplittableRandom rng = new SplittableRandom(cfg.seed());
            int batches = (train.size() + cfg.batchSize() - 1) / cfg.batchSize();
            for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
                int[] order = permutation(train.size(), rng);
                double lossSum = 0;
                long correct = 0;
                int seen = 0;
                for (int b = 0; b < batches; b++) {
                    int from = b * cfg.batchSize();
                    int to = Math.min(train.size(), from + cfg.batchSize());
                    try (NDManager m = trainer.getManager().newSubManager()) {
                        NDArray x = Batches.inputs(m, train, order, from, to);
                        int[] y = new int[to - from];
                        for (int i = from; i < to; i++) y[i - from] = train.labels()[order[i]];
                        NDArray labels = m.create(y);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                            NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(logits));
                            gc.backward(loss);
                            lossSum += loss.getFloat() * (to - from);
                            correct += logits.argMax(1).toType(ai.djl.ndarray.types.DataType.INT32, false)
                                    .eq(labels).sum().getLong();
                        }
                        trainer.step();
                    }
                    seen += to - from;
                    listener.onBatch(epoch, b + 1, batches, lossSum / seen, (double) correct / seen);
                }
                EpochMetrics em = measure(epoch, net, model.getNDManager(), data);
                history.add(em);
                listener.onEpoch(em);
                boolean stop = cfg.stopAtTrainAccuracy() > 0 && em.trainAccuracy() >= cfg.stopAtTrainAccuracy();
                if (cfg.checkpointEvery() > 0 && (epoch % cfg.checkpointEvery() == 0 || stop)) {
                    listener.onCheckpoint(epoch, net);
                }
                if (stop) break;
            }
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return new Result(model, net, history);
    }

    public static EpochMetrics measure(int epoch, ProbedNetwork net, NDManager manager, DataSplits data) {
        Evaluation tr = Inference.evaluate(net, manager, data.train());
        Evaluation te = Inference.evaluate(net, manager, data.test());
        return new EpochMetrics(epoch, tr.loss(), tr.accuracy(), te.loss(), te.accuracy());
    }

    private static Optimizer optimizer(TrainConfig cfg) {
        Tracker lr = Tracker.fixed((float) cfg.learningRate());
        if (cfg.optimizer().equals("adam")) {
            return Optimizer.adam().optLearningRateTracker(lr).optWeightDecays((float) cfg.weightDecay()).build();
        }
        return Optimizer.sgd().setLearningRateTracker(lr).optMomentum((float) cfg.momentum())
                .optWeightDecays((float) cfg.weightDecay()).build();
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
