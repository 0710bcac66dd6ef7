package dev.reliance.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reliance.metrics.MutualInformation;
import dev.reliance.metrics.Selectivity;
import dev.reliance.probe.UnitRef;
import dev.reliance.probe.UnitSet;
import dev.reliance.util.Json;
import java.util.Arrays;

/** Per-unit measurements side by side: units.csv, units_per_class.csv, per-layer means and correlations. */
final class UnitTable {
    private final UnitSet set;
    private final UnitTuning.Result tuning;
    private final double[] l1;
    private final Importance importance;

    UnitTable(UnitSet set, UnitTuning.Result tuning, double[] l1, Importance importance) {
        this.set = set;
        this.tuning = tuning;
        this.l1 = l1;
        this.importance = importance;
    }

    Csv unitsCsv() {
        Csv csv = new Csv("layer,unit,selectivity,selectivity_defined,dead,mutual_information,entropy,l1_norm,importance_loss,importance_accuracy");
        for (int i = 0; i < set.size(); i++) {
            UnitRef u = set.units().get(i);
            Selectivity s = tuning.selectivity()[i];
            MutualInformation mi = tuning.information()[i];
            csv.row(u.layer(), u.unit(), s.selectivity(), s.defined(), s.dead(), mi.mutualInformation(), mi.entropy(), l1[i],
                    importance == null ? Double.NaN : importance.lossIncrease()[i],
                    importance == null ? Double.NaN : importance.accuracyDrop()[i]);
        }
        return csv;
    }

    Csv perClassCsv() {
        Csv csv = new Csv("layer,unit,class,accuracy_drop");
        for (int i = 0; i < set.size(); i++) {
            UnitRef u = set.units().get(i);
            double[] drops = importance.classAccuracyDrop()[i];
            for (int c = 0; c < drops.length; c++) csv.row(u.layer(), u.unit(), c, drops[c]);
        }
        return csv;
    }

    double[] selectivity() {
        return Arrays.stream(tuning.selectivity()).mapToDouble(s -> s.defined() ? s.selectivity() : Double.NaN).toArray();
    }

    double[] information() {
        return Arrays.stream(tuning.information()).mapToDouble(MutualInformation::mutualInformation).toArray();
    }

    /** Mean selectivity (defined units only) or MI per layer of the set. */
    double[] meanPerLayer(boolean selectivity) {
        double[] v = selectivity ? selectivity() : information();
        double[] out = new double[set.layers().length];
        for (int li = 0; li < out.length; li++) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < set.size(); i++) {
                if (set.units().get(i).layer() == set.layers()[li] && !Double.isNaN(v[i])) {
                    sum += v[i];
                    n++;
                }
            }
            out[li] = n == 0 ? Double.NaN : sum / n;
        }
        return out;
    }

    ArrayNode layerSummaryJson() {
        ArrayNode a = Json.MAPPER.createArrayNode();
        double[] si = meanPerLayer(true);
        double[] mi = meanPerLayer(false);
        for (int li = 0; li < set.layers().length; li++) {
            int layer = set.layers()[li];
            ObjectNode o = a.addObject();
            o.put("layer", layer);
            o.put("mean_selectivity", si[li]);
            o.put("mean_mutual_information", mi[li]);
            long dead = 0;
            long undefined = 0;
            for (int i = 0; i < set.size(); i++) {
                if (set.units().get(i).layer() != layer) continue;
                if (tuning.selectivity()[i].dead()) dead++;
                if (!tuning.selectivity()[i].defined()) undefined++;
            }
            o.put("dead_units", dead);
            o.put("undefined_selectivity_units", undefined);
        }
        return a;
    }

    /** Spearman and Pearson (with p-values) of importance against SI, MI and L1 norm, pooled and per layer. */
    ObjectNode correlationsJson() {
        ObjectNode root = Json.object();
        if (importance == null) return root;
        root.set("pooled", correlations(null));
        ObjectNode per = root.putObject("per_layer");
        for (int l : set.layers()) per.set(Integer.toString(l), correlations(l));
        return root;
    }

    private ObjectNode correlations(Integer layer) {
        ObjectNode o = Json.object();
        double[] imp = filter(importance.lossIncrease(), layer);
        CorrelationJson.put(o, "importance_vs_selectivity", imp, filter(selectivity(), layer));
        CorrelationJson.put(o, "importance_vs_mutual_information", imp, filter(information(), layer));
        CorrelationJson.put(o, "importance_vs_l1_norm", imp, filter(l1, layer));
        CorrelationJson.put(o, "accuracy_drop_vs_selectivity", filter(importance.accuracyDrop(), layer), filter(selectivity(), layer));
        return o;
    }

    private double[] filter(double[] v, Integer layer) {
        if (layer == null) return v;
        return java.util.stream.IntStream.range(0, set.size()).filter(i -> set.units().get(i).layer() == layer)
                .mapToDouble(i -> v[i]).toArray();
    }
}
