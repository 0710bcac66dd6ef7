package dev.reliance.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reliance.metrics.Correlation;

/** Writes Spearman and Pearson coefficients with p-values as one JSON object, the shape every result file uses. */
final class CorrelationJson {
    private CorrelationJson() {}

    /** Adds {@code name: {spearman, spearman_p, pearson, pearson_p, n}} to {@code parent}. */
    static void put(ObjectNode parent, String name, double[] x, double[] y) {
        ObjectNode c = parent.putObject(name);
        Correlation s = Correlation.spearman(x, y);
        Correlation p = Correlation.pearson(x, y);
        c.put("spearman", s.coefficient());
        c.put("spearman_p", s.pValue());
        c.put("pearson", p.coefficient());
        c.put("pearson_p", p.pValue());
        c.put("n", s.n());
    }
}
