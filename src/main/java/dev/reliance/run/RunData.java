package dev.reliance.run;

import dev.reliance.data.DataSplits;
import dev.reliance.data.Dataset;
import dev.reliance.data.DatasetKind;
import dev.reliance.data.DatasetLoader;
import dev.reliance.data.LabelCorruption;
import dev.reliance.data.Subsets;
import dev.reliance.train.TrainConfig;
import java.nio.file.Path;

/**
 * The exact data a run trains on: the seeded train/test subsets and the corrupted training
 * labels, all derived from the config so that a run can be rebuilt from run.json.
 */
public final class RunData {
    // Separate streams so that changing one size does not reshuffle the other.
    private static final long TRAIN_SUBSET_STREAM = 0x5eed_0001L;
    private static final long TEST_SUBSET_STREAM = 0x5eed_0002L;
    private static final long CORRUPTION_STREAM = 0x5eed_0003L;

    private RunData() {}

    /** Loads the data set and applies subsets, leaving the labels clean. */
    public static DataSplits cleanSplits(TrainConfig cfg) {
        DatasetKind kind = DatasetKind.parse(cfg.dataset());
        DataSplits all = DatasetLoader.load(kind, cfg.dataDir() == null ? null : Path.of(cfg.dataDir()));
        return new DataSplits(subset(all.train(), cfg.trainSize(), "--train-size", cfg.seed() ^ TRAIN_SUBSET_STREAM),
                subset(all.test(), cfg.testSize(), "--test-size", cfg.seed() ^ TEST_SUBSET_STREAM));
    }

    /** Loads and subsets the data and corrupts the training labels as the config says. */
    public static DataSplits prepare(TrainConfig cfg) {
        DataSplits clean = cleanSplits(cfg);
        int[] labels = LabelCorruption.corrupt(clean.train().labels(), cfg.corruption(), cfg.seed() ^ CORRUPTION_STREAM);
        return new DataSplits(clean.train().withLabels(labels), clean.test());
    }

    private static Dataset subset(Dataset d, int size, String option, long seed) {
        if (size == 0 || size == d.size()) return d;
        return d.subset(Subsets.seededSubset(d.size(), size, seed, option));
    }
}
