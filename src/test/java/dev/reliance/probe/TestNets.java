package dev.reliance.probe;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import dev.reliance.data.Dataset;
import dev.reliance.model.ModelConfig;
import dev.reliance.model.ProbedNetwork;
import dev.reliance.train.NetworkTrainer;
import java.util.Random;

/** Small random networks and data for checking fast paths against the plain forward pass. */
final class TestNets {
    private TestNets() {}

    static Dataset randomData(int n, int channels, int side, int classes, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * channels * side * side];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = r.nextInt(classes);
        return new Dataset("random", x, y, channels, side, side, classes);
    }

    /** A fresh model with an initialised network; BN parameters and running stats randomised so folding matters. */
    static Model model(ModelConfig c, long seed) {
        ProbedNetwork net = new ProbedNetwork(c);
        Model m = NetworkTrainer.newModel(net, seed);
        Random r = new Random(seed);
        net.namedParameters().forEach((name, p) -> {
            NDArray a = p.getArray();
            float[] v = a.toFloatArray();
            for (int i = 0; i < v.length; i++) {
                if (name.endsWith("running_var")) v[i] = 0.5f + r.nextFloat();
                else if (name.endsWith("bn.weight")) v[i] = 0.5f + r.nextFloat();
                else if (name.endsWith("running_mean") || name.endsWith("bn.bias") || name.endsWith(".bias")) v[i] = (float) (0.3 * r.nextGaussian());
                else v[i] = (float) (v[i] * 1.5);
            }
            a.set(java.nio.FloatBuffer.wrap(v));
        });
        return m;
    }

    static ProbedNetwork net(Model m) {
        return (ProbedNetwork) m.getBlock();
    }
}
