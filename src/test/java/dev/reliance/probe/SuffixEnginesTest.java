package dev.reliance.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import dev.reliance.data.Dataset;
import dev.reliance.model.ModelConfig;
import dev.reliance.model.ProbedNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The batched-suffix engines (used for CNNs) against the plain masked forward pass. */
class SuffixEnginesTest {
    @ParameterizedTest
    @CsvSource({
        "cnn:4;6/2;5, false, zero, 1.0, false, 3",
        "cnn:4;6/2;5, true, zero, 1.0, true, 3",
        "cnn:4;6/2;5, true, mean, 1.0, false, 2",
        "cnn:4;6/2;5, false, mean, 0.5, true, 2",
        "cnn:4;6/2;5, true, partial, 0.4, false, 1",
        "mlp:12;10, true, mean, 1.0, false, 2",
    })
    void suffixAblationMatchesMaskedForwardPass(String spec, boolean bn, String mode, double amount, boolean grid, int lastLayers) {
        ModelConfig c = ModelConfig.parse(spec.replace(';', ','), bn, 0f, 2, 6, 6, 3);
        Dataset data = TestNets.randomData(120, 2, 6, 3, 9);
        try (Model m = TestNets.model(c, 13)) {
            ProbedNetwork net = TestNets.net(m);
            UnitSet set = UnitSet.defaultFor(c, lastLayers);
            if (!c.conv()) set = UnitSet.of(c, 0, 1);
            ActivationStats stats = ActivationStats.compute(net, m.getNDManager(), data);
            int[] counts = grid ? AblationPlan.grid(set.size(), 4) : AblationPlan.everyCount(set.size());
            AblationPlan plan = new AblationPlan(set, DenseAblationTest.randomOrderings(set.size(), 2, 3), counts,
                    AblationMode.parse(mode, amount));
            AblationResult ref = ReferenceAblation.run(net, m.getNDManager(), plan, stats, data);
            AblationResult fast = SuffixAblation.run(net, m.getNDManager(), plan, stats, data, n -> {});
            DenseAblationTest.assertSameCurves(ref, fast);
            assertTrue(Math.abs(ref.loss(0, 0) - ref.loss(0, counts.length - 1)) > 1e-3, "ablation must change the loss");
        }
    }

    @ParameterizedTest
    @CsvSource({"cnn:4;6/2;5, false, false, 2", "cnn:4;6/2;5, true, true, 3", "mlp:12;10, true, false, 2"})
    void suffixNoiseMatchesMaskedForwardPass(String spec, boolean bn, boolean variance, int lastLayers) {
        ModelConfig c = ModelConfig.parse(spec.replace(';', ','), bn, 0f, 2, 6, 6, 3);
        Dataset data = TestNets.randomData(300, 2, 6, 3, 4);
        try (Model m = TestNets.model(c, 17)) {
            ProbedNetwork net = TestNets.net(m);
            UnitSet set = c.conv() ? UnitSet.defaultFor(c, lastLayers) : UnitSet.of(c, 0, 1);
            NoisePlan plan = new NoisePlan(set, NoisePlan.logSpaced(-1, 0.5, 5), 2, variance, 7);
            ActivationStats stats = ActivationStats.compute(net, m.getNDManager(), data);
            AblationResult ref = ReferenceNoise.run(net, m.getNDManager(), plan, stats, data);
            AblationResult fast = SuffixNoise.run(net, m.getNDManager(), plan, stats, data, n -> {});
            DenseAblationTest.assertSameCurves(ref, fast);
        }
    }
}
