package dev.reliance.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.reliance.data.Dataset;
import dev.reliance.train.Evaluation;

/** Plain inference-mode forward passes over a whole data set, in fixed-size batches. */
public final class Inference {
    public static final int BATCH = 1000;

    private Inference() {}

    public static Evaluation evaluate(ProbedNetwork net, NDManager manager, Dataset data) {
        double loss = 0;
        long correct = 0;
        int k = data.numClasses();
        for (int from = 0; from < data.size(); from += BATCH) {
            int to = Math.min(data.size(), from + BATCH);
            float[] logits = logits(net, manager, data, from, to);
            for (int i = 0; i < to - from; i++) {
                int label = data.labels()[from + i];
                loss += Logits.crossEntropy(logits, i, k, label);
                if (Logits.argmax(logits, i, k) == label) correct++;
            }
        }
        return new Evaluation(loss / data.size(), (double) correct / data.size());
    }

    /** Row-major logits of examples [from, to) with the network's current probe settings. */
    public static float[] logits(ProbedNetwork net, NDManager manager, Dataset data, int from, int to) {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = Batches.inputs(m, data, from, to);
            ParameterStore ps = new ParameterStore(m, false);
            return net.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }
}
