package dev.reliance.probe;

import dev.reliance.model.ModelConfig;
import dev.reliance.util.UserException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The units an analysis may ablate: whole hidden layers, in layer order, units in index
 * order. Orderings are permutations of positions in this list.
 */
public record UnitSet(int[] layers, List<UnitRef> units) {

    /** The paper's defaults: all hidden layers of an MLP pooled; the last {@code lastConv} conv layers of a CNN. */
    public static UnitSet defaultFor(ModelConfig c, int lastConv) {
        int n = c.hiddenLayerCount();
        int first = c.conv() ? Math.max(0, n - lastConv) : 0;
        int[] layers = new int[n - first];
        for (int i = 0; i < layers.length; i++) layers[i] = first + i;
        return of(c, layers);
    }

    public static UnitSet of(ModelConfig c, int... layers) {
        int[] sorted = layers.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) throw new UserException("--layers: give at least one hidden layer");
        List<UnitRef> units = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            int l = sorted[i];
            if (l < 0 || l >= c.hiddenLayerCount()) {
                throw new UserException("--layers: layer " + l + " does not exist; model " + c.spec() + " has hidden layers 0.."
                        + (c.hiddenLayerCount() - 1));
            }
            if (i > 0 && sorted[i - 1] == l) throw new UserException("--layers: layer " + l + " given twice");
            for (int u = 0; u < c.layers().get(l).width(); u++) units.add(new UnitRef(l, u));
        }
        return new UnitSet(sorted, List.copyOf(units));
    }

    public int size() {
        return units.size();
    }

    public int firstLayer() {
        return layers[0];
    }

    public boolean contains(int layer) {
        return Arrays.binarySearch(layers, layer) >= 0;
    }
}
