package dev.reliance.experiment;

import ai.djl.ndarray.NDManager;
import dev.reliance.data.Dataset;
import dev.reliance.model.ProbedNetwork;
import dev.reliance.probe.AblationMode;
import dev.reliance.probe.AblationPlan;
import dev.reliance.probe.AblationResult;
import dev.reliance.probe.ActivationStats;
import dev.reliance.probe.UnitSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Single-unit importance: each unit of the set zero-ablated alone, on the test set.
 * importance = test loss (ablated) - test loss (intact); also the accuracy drop, overall and
 * per class. Intact and ablated numbers come from the same engine, so rounding cancels.
 */
public record Importance(double[] lossIncrease, double[] accuracyDrop, double[][] classAccuracyDrop) {

    static Importance measure(ProbedNetwork net, NDManager manager, UnitSet set, ActivationStats stats, Dataset test,
            int threads, AnalysisProgress progress) {
        List<int[]> singles = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) singles.add(new int[] {i});
        AblationResult intact = Analyzer.runAblation(net, manager,
                new AblationPlan(set, List.of(new int[] {0}), new int[] {0}, AblationMode.ZERO), stats, test, threads,
                AnalysisProgress.SILENT, "intact");
        AblationResult one = Analyzer.runAblation(net, manager, new AblationPlan(set, singles, new int[] {1}, AblationMode.ZERO),
                stats, test, threads, progress, "single-unit importance");
        int k = test.numClasses();
        double[] loss = new double[set.size()];
        double[] acc = new double[set.size()];
        double[][] perClass = new double[set.size()][k];
        for (int i = 0; i < set.size(); i++) {
            loss[i] = one.loss(i, 0) - intact.loss(0, 0);
            acc[i] = intact.accuracy(0, 0) - one.accuracy(i, 0);
            for (int c = 0; c < k; c++) perClass[i][c] = intact.classAccuracy(0, 0, c) - one.classAccuracy(i, 0, c);
        }
        return new Importance(loss, acc, perClass);
    }
}
