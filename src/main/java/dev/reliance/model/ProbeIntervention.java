package dev.reliance.model;

import ai.djl.ndarray.NDArray;

/**
 * What a probe does to the activation passing through it:
 * {@code out = x * (1 - a) + r * a + n}, with n a given perturbation (noise is drawn by the
 * caller, so fast and plain paths can replay it). Any term may be absent. Arrays broadcast against the activation: per unit
 * {@code (1, U)} or {@code (N, U)} for dense layers, {@code (., C, 1, 1)} per channel or
 * {@code (., C, H, W)} per element for conv maps.
 */
public record ProbeIntervention(NDArray ablation, NDArray replacement, NDArray additive) {

    public static ProbeIntervention ablate(NDArray ablation, NDArray replacement) {
        return new ProbeIntervention(ablation, replacement, null);
    }

    /** A given perturbation added to the activation (same shape): noise drawn elsewhere, replayed exactly. */
    public static ProbeIntervention add(NDArray perturbation) {
        return new ProbeIntervention(null, null, perturbation);
    }

    public NDArray apply(NDArray x) {
        NDArray out = x;
        if (ablation != null) {
            out = out.mul(ablation.neg().add(1f));
            if (replacement != null) out = out.add(replacement.mul(ablation));
        }
        if (additive != null) out = out.add(additive);
        return out;
    }
}
