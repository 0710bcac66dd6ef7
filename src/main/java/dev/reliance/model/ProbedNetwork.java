package dev.reliance.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An MLP or CNN whose hidden layers are {@code core -> [BN] -> ReLU -> probe -> [dropout]},
 * followed (for a CNN, after global average pooling) by a dense head. Inputs are always
 * {@code (N, C, H, W)}. Probe points are numbered by hidden layer, units by index within it.
 * Besides the plain forward pass it can run only the suffix from a given probe point, which
 * is what fast analysis needs.
 */
public final class ProbedNetwork extends AbstractBlock {
    public static final float BN_EPSILON = 1e-5f;

    private final ModelConfig config;
    private final List<Block> cores = new ArrayList<>();
    private final List<BatchNorm> norms = new ArrayList<>();
    private final List<Probe> probes = new ArrayList<>();
    private final Linear head;

    public ProbedNetwork(ModelConfig config) {
        this.config = config;
        for (int i = 0; i < config.hiddenLayerCount(); i++) {
            LayerSpec l = config.layers().get(i);
            Block core = config.conv()
                    ? Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                            .optStride(new Shape(l.stride(), l.stride())).setFilters(l.width()).build()
                    : Linear.builder().setUnits(l.width()).build();
            cores.add(addChildBlock("hidden" + i, core));
            if (config.batchNorm()) {
                norms.add(addChildBlock("bn" + i, BatchNorm.builder().optEpsilon(BN_EPSILON).build()));
            }
            probes.add(addChildBlock("probe" + i, new Probe(i)));
        }
        head = addChildBlock("head", Linear.builder().setUnits(config.numClasses()).build());
    }

    public ModelConfig config() {
        return config;
    }

    public Probe probe(int layer) {
        return probes.get(layer);
    }

    public void clearProbes() {
        probes.forEach(Probe::clear);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (!config.conv()) x = x.reshape(x.getShape().get(0), -1);
        for (int i = 0; i < cores.size(); i++) {
            x = hiddenLayer(ps, i, x, training);
        }
        return new NDList(head(ps, x, training));
    }

    /** Hidden layer {@code i} up to and including its ReLU, before the probe. */
    public NDArray preProbe(ParameterStore ps, int i, NDArray x, boolean training) {
        x = cores.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
        if (config.batchNorm()) x = norms.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
        return Activation.relu(x);
    }

    /** Probe and dropout of hidden layer {@code i}, applied to its ReLU output. */
    public NDArray postProbe(ParameterStore ps, int i, NDArray relu, boolean training) {
        NDArray x = probes.get(i).forward(ps, new NDList(relu), training).singletonOrThrow();
        if (training && config.dropout() > 0) x = Dropout.dropout(x, config.dropout(), true).singletonOrThrow();
        return x;
    }

    private NDArray hiddenLayer(ParameterStore ps, int i, NDArray x, boolean training) {
        return postProbe(ps, i, preProbe(ps, i, x, training), training);
    }

    private NDArray head(ParameterStore ps, NDArray x, boolean training) {
        if (config.conv()) x = x.reshape(x.getShape().get(0), x.getShape().get(1), -1).mean(new int[] {2}); // global average pool
        return head.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** ReLU output (pre-probe) of hidden layer {@code layer}, computed in inference mode. */
    public NDArray activationsBeforeProbe(ParameterStore ps, NDArray input, int layer) {
        NDArray x = input;
        if (!config.conv()) x = x.reshape(x.getShape().get(0), -1);
        for (int i = 0; i < layer; i++) x = hiddenLayer(ps, i, x, false);
        return preProbe(ps, layer, x, false);
    }

    /** The ReLU output (pre-probe) of every hidden layer up to {@code last}, in inference mode with probes as set. */
    public List<NDArray> activationsUpTo(ParameterStore ps, NDArray input, int last) {
        List<NDArray> out = new ArrayList<>();
        NDArray x = input;
        if (!config.conv()) x = x.reshape(x.getShape().get(0), -1);
        for (int i = 0; i <= last; i++) {
            NDArray relu = preProbe(ps, i, x, false);
            out.add(relu);
            x = postProbe(ps, i, relu, false);
        }
        return out;
    }

    /**
     * Logits from the ReLU output of hidden layer {@code layer}: its probe, then the rest of the
     * network in inference mode. The prefix before it is not recomputed.
     */
    public NDArray forwardFromProbe(ParameterStore ps, int layer, NDArray relu) {
        NDArray x = postProbe(ps, layer, relu, false);
        for (int i = layer + 1; i < cores.size(); i++) x = hiddenLayer(ps, i, x, false);
        return head(ps, x, false);
    }

    /**
     * Every parameter under a stable, PyTorch-style name: {@code hidden.I.weight},
     * {@code hidden.I.bias}, {@code hidden.I.bn.weight|bias|running_mean|running_var},
     * {@code head.weight}, {@code head.bias}. Weights are (out, in) or (out, in, 3, 3).
     */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (int i = 0; i < cores.size(); i++) {
            String p = "hidden." + i + ".";
            out.put(p + "weight", param(cores.get(i), "weight"));
            out.put(p + "bias", param(cores.get(i), "bias"));
            if (config.batchNorm()) {
                BatchNorm bn = norms.get(i);
                out.put(p + "bn.weight", param(bn, "gamma"));
                out.put(p + "bn.bias", param(bn, "beta"));
                out.put(p + "bn.running_mean", param(bn, "runningMean"));
                out.put(p + "bn.running_var", param(bn, "runningVar"));
            }
        }
        out.put("head.weight", param(head, "weight"));
        out.put("head.bias", param(head, "bias"));
        return out;
    }

    private static Parameter param(Block block, String name) {
        Parameter p = block.getParameters().get(name);
        if (p == null) throw new IllegalStateException("block has no parameter " + name);
        return p;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = config.conv()
                ? new Shape(1, config.channels(), config.height(), config.width())
                : new Shape(1, config.inputFeatures());
        Shape[] s = {shape};
        for (int i = 0; i < cores.size(); i++) {
            cores.get(i).initialize(manager, dataType, s);
            s = cores.get(i).getOutputShapes(s);
            if (config.batchNorm()) {
                norms.get(i).initialize(manager, dataType, s);
            }
            probes.get(i).initialize(manager, dataType, s);
        }
        Shape last = s[0];
        head.initialize(manager, dataType, new Shape(1, last.get(1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.numClasses())};
    }
}
