package dev.reliance.model;

import ai.djl.ndarray.NDArray;

/**
 * What a probe does to the activation passing through it:
 * {@code out = x * (1 - a) + r * a + sigma * eps + n}, with eps fresh standard normal noise per
 * element and n a given perturbation. Any term may be absent. Arrays broadcast against the activation: per unit
 * {@code (1, U)} or {@code (N, U)} for dense layers, {@code (., C, 1, 1)} per channel or
 * {@code (., C, H, W)} per element for conv maps.
 */
public record ProbeIntervention(NDArray ablation, NDArray replacement, NDArray noiseSigma, NDArray additive) {

    public static ProbeIntervention ablate(NDArray ablation, NDArray replacement) {
        return new ProbeIntervention(ablation, replacement, null, null);
    }

    /** Fresh Gaussian noise of SD {@code sigma} (broadcast per unit or channel) on every element. */
    public static ProbeIntervention noise(NDArray sigma) {
        return new ProbeIntervention(null, null, sigma, null);
    }

    /** A given perturbation added to the activation (same shape): noise drawn elsewhere, replayed exactly. */
    public static ProbeIntervention add(NDArray perturbation) {
        return new ProbeIntervention(null, null, null, perturbation);
    }

    public NDArray apply(NDArray x) {
        NDArray out = x;
        if (ablation != null) {
            out = out.mul(ablation.neg().add(1f));
            if (replacement != null) out = out.add(replacement.mul(ablation));
        }
        if (noiseSigma != null) {
            NDArray eps = x.getManager().randomNormal(x.getShape());
            out = out.add(eps.mul(noiseSigma));
        }
        if (additive != null) out = out.add(additive);
        return out;
    }
}
