package dev.reliance.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import dev.reliance.util.UserException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Moves a network's parameters to and from safetensors files, under the names of {@link ProbedNetwork#namedParameters()}. */
public final class ModelWeights {
    private ModelWeights() {}

    public static Map<String, Tensor> export(ProbedNetwork net) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        net.namedParameters().forEach((name, p) -> {
            NDArray a = p.getArray();
            out.put(name, new Tensor(a.getShape().getShape(), a.toFloatArray()));
        });
        return out;
    }

    /** The architecture, stored as string metadata so that a weights file describes itself. */
    public static Map<String, String> metadata(ModelConfig c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "reliance");
        m.put("model", c.spec());
        m.put("batch_norm", Boolean.toString(c.batchNorm()));
        m.put("dropout", Float.toString(c.dropout()));
        m.put("input_shape", c.channels() + "x" + c.height() + "x" + c.width());
        m.put("num_classes", Integer.toString(c.numClasses()));
        return m;
    }

    /** L1 norm of each unit's incoming weights in hidden layer {@code layer} (a neuron's row, or a conv filter), as trained. */
    public static float[] incomingL1(ProbedNetwork net, int layer) {
        NDArray w = net.namedParameters().get("hidden." + layer + ".weight").getArray();
        int units = (int) w.getShape().get(0);
        float[] data = w.toFloatArray();
        int per = data.length / units;
        float[] l1 = new float[units];
        for (int u = 0; u < units; u++) {
            double s = 0;
            for (int i = 0; i < per; i++) s += Math.abs(data[u * per + i]);
            l1[u] = (float) s;
        }
        return l1;
    }

    public static void save(ProbedNetwork net, Path file) {
        Safetensors.write(file, export(net), metadata(net.config()));
    }

    /** Loads a file into an initialised network; names and shapes must match exactly. */
    public static void load(ProbedNetwork net, Path file) {
        Map<String, Tensor> tensors = Safetensors.read(file).tensors();
        Map<String, Parameter> params = net.namedParameters();
        for (String name : tensors.keySet()) {
            if (!params.containsKey(name)) {
                throw new UserException(file + ": tensor '" + name + "' does not belong to model " + net.config().spec()
                        + (net.config().batchNorm() ? " with batch norm" : ""));
            }
        }
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            Tensor t = tensors.get(e.getKey());
            if (t == null) throw new UserException(file + ": tensor '" + e.getKey() + "' is missing");
            NDArray a = e.getValue().getArray();
            long[] expected = a.getShape().getShape();
            if (!Arrays.equals(expected, t.shape())) {
                throw new UserException(file + ": tensor '" + e.getKey() + "' has shape " + Arrays.toString(t.shape())
                        + ", model needs " + Arrays.toString(expected));
            }
            for (float v : t.data()) {
                if (!Float.isFinite(v)) throw new UserException(file + ": tensor '" + e.getKey() + "' holds NaN or infinite values");
            }
            a.set(FloatBuffer.wrap(t.data()));
        }
    }
}
