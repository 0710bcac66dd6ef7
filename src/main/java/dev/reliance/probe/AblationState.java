package dev.reliance.probe;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reliance.model.ModelConfig;
import dev.reliance.model.ProbeIntervention;
import dev.reliance.model.ProbedNetwork;

/**
 * The per-unit ablation amounts of every hidden layer for one ablation state, and how to
 * install them in a network's probes (the plain masked forward pass).
 */
public final class AblationState {
    private final float[][] amounts;

    public AblationState(ModelConfig c) {
        amounts = new float[c.hiddenLayerCount()][];
        for (int l = 0; l < amounts.length; l++) amounts[l] = new float[c.layers().get(l).width()];
    }

    /** The state after ablating the first {@code count} units of {@code ordering}. */
    public static AblationState of(ModelConfig c, UnitSet set, int[] ordering, int count, double amount) {
        AblationState s = new AblationState(c);
        for (int i = 0; i < count; i++) s.ablate(set.units().get(ordering[i]), (float) amount);
        return s;
    }

    public void ablate(UnitRef u, float amount) {
        amounts[u.layer()][u.unit()] = amount;
    }

    public float amount(int layer, int unit) {
        return amounts[layer][unit];
    }

    public boolean touches(int layer) {
        for (float a : amounts[layer]) if (a != 0) return true;
        return false;
    }

    /** Sets every probe of {@code net} to this state (probes of untouched layers are cleared). */
    public void install(ProbedNetwork net, NDManager m, AblationMode mode, ActivationStats stats) {
        ModelConfig c = net.config();
        for (int l = 0; l < amounts.length; l++) {
            if (!touches(l)) {
                net.probe(l).clear();
                continue;
            }
            int units = amounts[l].length;
            Shape unitShape = c.conv() ? new Shape(1, units, 1, 1) : new Shape(1, units);
            var a = m.create(amounts[l], unitShape);
            var r = null == stats || mode.replacement() == AblationMode.Replacement.ZERO ? null
                    : m.create(stats.elementMeans(l), c.conv() ? new Shape(1, units, c.spatialSize(l)[0], c.spatialSize(l)[1]) : unitShape);
            net.probe(l).set(ProbeIntervention.ablate(a, r));
        }
    }
}
