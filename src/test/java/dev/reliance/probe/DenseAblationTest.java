package dev.reliance.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import dev.reliance.data.Dataset;
import dev.reliance.model.ModelConfig;
import dev.reliance.model.ProbedNetwork;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenseAblationTest {

    static List<int[]> randomOrderings(int n, int count, long seed) {
        return Orderings.random(n, count, seed);
    }

    static void assertSameCurves(AblationResult ref, AblationResult fast) {
        for (int o = 0; o < ref.orderings(); o++) {
            for (int s = 0; s < ref.steps(); s++) {
                assertEquals(ref.loss(o, s), fast.loss(o, s), 1e-5 * Math.max(1, ref.loss(o, s)), "loss o=" + o + " s=" + s);
                assertEquals(ref.accuracy(o, s), fast.accuracy(o, s), 1e-9, "accuracy o=" + o + " s=" + s);
                for (int c = 0; c < ref.classes(); c++) {
                    assertEquals(ref.classAccuracy(o, s, c), fast.classAccuracy(o, s, c), 1e-9);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "mlp:12;10, false, zero, 1.0, false, 0",
        "mlp:12;10, true, zero, 1.0, false, 0",
        "mlp:12;10, false, mean, 1.0, true, 0",
        "mlp:12;10, true, mean, 1.0, false, 0",
        "mlp:12;10, false, partial, 0.6, false, 0",
        "mlp:12;10, true, mean, 0.3, true, 0",
        "mlp:9;7;8, true, zero, 1.0, false, 0",
        "mlp:9;7;8, false, mean, 1.0, true, 1",
    })
    void fastPathMatchesMaskedForwardPass(String spec, boolean bn, String mode, double amount, boolean grid, int fromLayer) {
        ModelConfig c = ModelConfig.parse(spec.replace(';', ','), bn, 0f, 1, 4, 4, 3);
        Dataset data = TestNets.randomData(300, 1, 4, 3, 7);
        try (Model m = TestNets.model(c, 11)) {
            ProbedNetwork net = TestNets.net(m);
            int[] layers = java.util.stream.IntStream.range(fromLayer, c.hiddenLayerCount()).toArray();
            UnitSet set = UnitSet.of(c, layers);
            ActivationStats stats = ActivationStats.compute(net, m.getNDManager(), data);
            int[] counts = grid ? AblationPlan.grid(set.size(), 5) : AblationPlan.everyCount(set.size());
            AblationPlan plan = new AblationPlan(set, randomOrderings(set.size(), 3, 5), counts, AblationMode.parse(mode, amount));
            AblationResult ref = ReferenceAblation.run(net, m.getNDManager(), plan, stats, data);
            AblationResult fast = DenseAblation.run(net, m.getNDManager(), plan, stats, data, 2, n -> {});
            assertSameCurves(ref, fast);
            // the curve must actually move, or the comparison proves little
            assertEquals(true, Math.abs(ref.loss(0, 0) - ref.loss(0, counts.length - 1)) > 1e-3);
        }
    }
}
