package dev.reliance.model;

import dev.reliance.util.UserException;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture of a network: an MLP ({@code mlp:512,512}) or a CNN ({@code cnn:32,64/2,64},
 * a width per conv layer with an optional {@code /stride}; {@code cnn:paper} is the paper's
 * 11-layer ConvNet). Every hidden layer is followed by optional batch norm, ReLU, a probe
 * point and optional dropout; a CNN ends in global average pooling and a dense head.
 */
public record ModelConfig(String spec, boolean conv, List<LayerSpec> layers, boolean batchNorm,
        float dropout, int channels, int height, int width, int numClasses) {

    public static final String PAPER_CNN =
            "64,64,128/2,128,128,256/2,256,256,512/2,512,512";

    public ModelConfig {
        layers = List.copyOf(layers);
        if (dropout < 0 || dropout >= 1) {
            throw new UserException("--dropout: must be in [0, 1), got " + dropout);
        }
    }

    /** Parses a model string such as {@code mlp:512,512} for inputs of the given shape. */
    public static ModelConfig parse(String spec, boolean batchNorm, float dropout, int channels,
            int height, int width, int numClasses) {
        String s = spec == null ? "" : spec.trim();
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        String body = colon < 0 ? "" : s.substring(colon + 1);
        boolean conv;
        if (kind.equals("mlp")) {
            conv = false;
        } else if (kind.equals("cnn")) {
            conv = true;
            if (body.equals("paper")) body = PAPER_CNN;
        } else {
            throw badSpec(spec, "kind must be mlp or cnn");
        }
        if (body.isEmpty()) throw badSpec(spec, "give at least one layer width");
        List<LayerSpec> layers = new ArrayList<>();
        for (String part : body.split(",", -1)) {
            String[] ws = part.trim().split("/", -1);
            if (ws.length > 2 || (!conv && ws.length > 1)) throw badSpec(spec, "bad layer '" + part + "'");
            int w = parsePositive(spec, ws[0]);
            int stride = ws.length == 2 ? parsePositive(spec, ws[1]) : 1;
            if (w > 65536 || stride > 16) throw badSpec(spec, "layer '" + part + "' is too large");
            layers.add(new LayerSpec(w, stride));
        }
        return new ModelConfig(s, conv, layers, batchNorm, dropout, channels, height, width, numClasses);
    }

    private static int parsePositive(String spec, String v) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw badSpec(spec, "'" + v + "' is not a positive integer");
    }

    private static UserException badSpec(String spec, String why) {
        return new UserException("--model: cannot read '" + spec + "': " + why
                + " (examples: mlp:512,512  cnn:32,64/2,64  cnn:paper)");
    }

    public int inputFeatures() {
        return channels * height * width;
    }

    public int hiddenLayerCount() {
        return layers.size();
    }

    /** Spatial size (height, width) of hidden layer {@code i}'s output; 1x1 for dense layers. */
    public int[] spatialSize(int layer) {
        if (!conv) return new int[] {1, 1};
        int h = height;
        int w = width;
        for (int i = 0; i <= layer; i++) {
            int s = layers.get(i).stride();
            // 3x3 kernel, padding 1: out = floor((in + 2 - 3) / s) + 1
            h = (h - 1) / s + 1;
            w = (w - 1) / s + 1;
        }
        return new int[] {h, w};
    }
}
