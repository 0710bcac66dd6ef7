package dev.reliance.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Points of one colour in a scatter chart; {@code labels} (nullable, entries nullable) annotate single points. */
public record ScatterGroup(String name, double[] x, double[] y, List<String> labels) {
    public ScatterGroup {
        name = Arrays2.text(name);
        x = Arrays2.copy(x);
        y = Arrays2.copy(y);
        Arrays2.sameLength("scatter group '" + name + "' y", x.length, y);
        if (labels != null) {
            if (labels.size() != x.length) {
                throw new IllegalArgumentException("scatter group '" + name + "' has " + labels.size()
                        + " labels for " + x.length + " points");
            }
            labels = Collections.unmodifiableList(new ArrayList<>(labels)); // List.copyOf rejects null entries
        }
    }

    public ScatterGroup(String name, double[] x, double[] y) {
        this(name, x, y, null);
    }

    public int size() {
        return x.length;
    }
}
