package dev.reliance.train;

/** Loss and accuracy of the whole train and test splits after one epoch, in inference mode. */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy) {
    public double generalizationError() {
        return trainAccuracy - testAccuracy;
    }
}
