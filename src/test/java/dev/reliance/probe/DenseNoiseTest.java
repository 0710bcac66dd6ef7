package dev.reliance.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import dev.reliance.data.Dataset;
import dev.reliance.model.ModelConfig;
import dev.reliance.model.ProbedNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenseNoiseTest {
    @ParameterizedTest
    @CsvSource({"mlp:12;10, false, false, 0", "mlp:12;10, true, true, 0", "mlp:9;7;8, true, false, 0", "mlp:9;7;8, false, false, 1"})
    void fastNoiseMatchesMaskedForwardPass(String spec, boolean bn, boolean variance, int fromLayer) {
        ModelConfig c = ModelConfig.parse(spec.replace(';', ','), bn, 0f, 1, 4, 4, 3);
        Dataset data = TestNets.randomData(300, 1, 4, 3, 3);
        try (Model m = TestNets.model(c, 5)) {
            ProbedNetwork net = TestNets.net(m);
            int[] layers = java.util.stream.IntStream.range(fromLayer, c.hiddenLayerCount()).toArray();
            NoisePlan plan = new NoisePlan(UnitSet.of(c, layers), NoisePlan.logSpaced(-1.5, 1, 6), 3, variance, 42);
            ActivationStats stats = ActivationStats.compute(net, m.getNDManager(), data);
            AblationResult ref = ReferenceNoise.run(net, m.getNDManager(), plan, stats, data);
            AblationResult fast = DenseNoise.run(net, m.getNDManager(), plan, stats, data, 2, n -> {});
            DenseAblationTest.assertSameCurves(ref, fast);
            assertTrue(ref.accuracy(0, 0) - ref.accuracy(0, 5) > 0.05 || Math.abs(ref.loss(0, 0) - ref.loss(0, 5)) > 0.1,
                    "noise must change the outcome");
        }
    }
}
