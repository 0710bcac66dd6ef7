package dev.reliance.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reliance.metrics.ModelSelection.TopK;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelSelectionTest {

    private static double[] accuracies(int models) {
        double[] acc = new double[models];
        for (int i = 0; i < models; i++) {
            acc[i] = 0.5 + 0.004 * i; // distinct
        }
        return acc;
    }

    @Test
    void perfectScoreAlwaysPicksTheBest() {
        double[] acc = accuracies(96);
        ModelSelection result = ModelSelection.evaluate(acc, acc, 20, 500, 1);
        for (TopK t : result.topK()) {
            assertEquals(1, t.hitRate(), 0);
        }
        assertEquals(List.of(1, 5, 10), result.topK().stream().map(TopK::k).toList());
        assertEquals(0.05, result.topK().get(0).chance(), 1e-15);
        assertEquals(0.25, result.topK().get(1).chance(), 1e-15);
        assertEquals(0.5, result.topK().get(2).chance(), 1e-15);
    }

    @Test
    void reversedScoreAlwaysPicksTheWorst() {
        double[] acc = accuracies(50);
        double[] score = new double[50];
        for (int i = 0; i < 50; i++) {
            score[i] = -acc[i];
        }
        ModelSelection result = ModelSelection.evaluate(score, acc, 10, 300, 2, new int[] {1, 9, 10, 12});
        assertEquals(0, result.topK().get(0).hitRate(), 0);
        assertEquals(0, result.topK().get(1).hitRate(), 0); // the worst of 10 has rank 10
        assertEquals(1, result.topK().get(2).hitRate(), 0);
        assertEquals(1, result.topK().get(3).hitRate(), 0);
        assertEquals(1, result.topK().get(3).chance(), 0); // k > m
    }

    @Test
    void wholeSetHandCase() {
        // m = 3 of 3: the top score (model 0) has the second-best accuracy.
        ModelSelection r = ModelSelection.evaluate(
                new double[] {3, 2, 1}, new double[] {0.2, 0.3, 0.1}, 3, 10, 0, new int[] {1, 2});
        assertEquals(0, r.topK().get(0).hitRate(), 0);
        assertEquals(1, r.topK().get(1).hitRate(), 0);
        assertEquals(1.0 / 3, r.topK().get(0).chance(), 1e-15);
    }

    @Test
    void pairsHandCase() {
        // Pairs {0,1} and {0,2} pick model 0, which ranks 2nd; {1,2} picks model 1, ranked 1st.
        // Uniform pairs -> top-1 hit rate 1/3 (SD of the estimate ~0.003 at 20000 repeats).
        ModelSelection r = ModelSelection.evaluate(
                new double[] {3, 2, 1}, new double[] {0.1, 0.3, 0.2}, 2, 20_000, 5, new int[] {1});
        assertEquals(1.0 / 3, r.topK().get(0).hitRate(), 0.015);
    }

    @Test
    void uninformativeScoreHitsAtChanceOnAverage() {
        // One fixed random score vector correlates with accuracy by chance, so average over many.
        Random random = new Random(9);
        int draws = 200;
        double[] mean = new double[3];
        ModelSelection last = null;
        for (int d = 0; d < draws; d++) {
            double[] score = new double[100];
            for (int i = 0; i < 100; i++) {
                score[i] = random.nextDouble();
            }
            last = ModelSelection.evaluate(score, accuracies(100), 10, 200, d);
            for (int q = 0; q < 3; q++) {
                mean[q] += last.topK().get(q).hitRate() / draws;
            }
        }
        for (int q = 0; q < 3; q++) {
            assertEquals(last.topK().get(q).chance(), mean[q], 0.02, "k=" + last.topK().get(q).k());
        }
    }

    @Test
    void sameSeedSameResult() {
        Random random = new Random(1);
        double[] score = new double[30];
        for (int i = 0; i < 30; i++) {
            score[i] = random.nextDouble();
        }
        assertEquals(ModelSelection.evaluate(score, accuracies(30), 8, 1000, 42),
                ModelSelection.evaluate(score, accuracies(30), 8, 1000, 42));
    }

    @Test
    void rejectsBadArguments() {
        double[] acc = accuracies(5);
        assertThrows(IllegalArgumentException.class, () -> ModelSelection.evaluate(acc, acc, 6, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> ModelSelection.evaluate(acc, acc, 0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> ModelSelection.evaluate(acc, acc, 3, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ModelSelection.evaluate(acc, accuracies(4), 3, 10, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ModelSelection.evaluate(new double[] {1, Double.NaN}, new double[] {1, 2}, 1, 1, 0));
    }
}
