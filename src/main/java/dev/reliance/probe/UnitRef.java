package dev.reliance.probe;

/** One unit: index {@code unit} (a neuron, or a whole feature map) of hidden layer {@code layer}. */
public record UnitRef(int layer, int unit) {
    @Override
    public String toString() {
        return layer + ":" + unit;
    }
}
