package dev.reliance.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The parameter-free probe point after a hidden ReLU. It is the identity unless an
 * intervention (ablation, noise) is set; DJL has no forward hooks, so analysis acts here.
 */
public final class Probe extends AbstractBlock {
    private final int layer;
    private ProbeIntervention intervention;

    public Probe(int layer) {
        this.layer = layer;
    }

    public int layer() {
        return layer;
    }

    public void set(ProbeIntervention intervention) {
        this.intervention = intervention;
    }

    public void clear() {
        this.intervention = null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        if (intervention == null) return inputs;
        return new NDList(intervention.apply(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
