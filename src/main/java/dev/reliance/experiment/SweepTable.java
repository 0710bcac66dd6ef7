package dev.reliance.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reliance.metrics.ModelSelection;
import dev.reliance.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects finished runs of a sweep into runs.csv and the across-network correlations.json. */
public final class SweepTable {
    /** One finished run's row. */
    public record Row(String id, JsonNode run, JsonNode summary) {
        double fin(String key) {
            return run.get("final").get(key).asDouble();
        }

        double auc(String part, String key) {
            JsonNode p = summary.get(part);
            return p == null || p.get(key) == null ? Double.NaN : p.get(key).asDouble();
        }

        double meanOverLayers(String key) {
            double sum = 0;
            int n = 0;
            for (JsonNode l : summary.get("layers")) {
                double v = l.get(key).asDouble(Double.NaN);
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }
    }

    private SweepTable() {}

    public static List<Row> collect(Path sweepDir, List<String> ids) {
        List<Row> rows = new ArrayList<>();
        for (String id : ids) {
            Path dir = sweepDir.resolve("runs").resolve(id);
            Path summary = dir.resolve("analysis/summary.json");
            if (Files.isRegularFile(dir.resolve("run.json")) && Files.isRegularFile(summary)) {
                rows.add(new Row(id, Json.readFile(dir.resolve("run.json")), Json.readFile(summary)));
            }
        }
        return rows;
    }

    public static void writeRunsCsv(Path file, List<Row> rows) {
        int layers = rows.stream().mapToInt(r -> r.summary().get("layers").size()).max().orElse(0);
        StringBuilder header = new StringBuilder("id,dataset,model,batch_norm,dropout,corruption,seed,learning_rate,batch_size,optimizer,"
                + "epochs,train_accuracy,test_accuracy,train_loss,test_loss,generalization_error,ablation_auc,ablation_auc_intact,"
                + "noise_auc,noise_auc_intact,mean_selectivity,mean_mutual_information");
        for (int l = 0; l < layers; l++) header.append(",mean_selectivity_layer").append(l).append(",mean_mi_layer").append(l);
        Csv csv = new Csv(header.toString());
        for (Row r : rows) {
            JsonNode c = r.run().get("config");
            List<Object> cells = new ArrayList<>(List.of(r.id(), c.get("dataset").asText(), c.get("model").asText(),
                    c.get("batchNorm").asBoolean(), c.get("dropout").asDouble(), c.get("corruption").asDouble(), c.get("seed").asLong(),
                    c.get("learningRate").asDouble(), c.get("batchSize").asInt(), c.get("optimizer").asText(),
                    r.run().get("epochs_trained").asInt(), r.fin("train_accuracy"), r.fin("test_accuracy"), r.fin("train_loss"),
                    r.fin("test_loss"), r.fin("generalization_error"), r.auc("ablation", "auc"), r.auc("ablation", "auc_intact_normalized"),
                    r.auc("noise", "auc"), r.auc("noise", "auc_intact_normalized"), r.meanOverLayers("mean_selectivity"),
                    r.meanOverLayers("mean_mutual_information")));
            JsonNode ls = r.summary().get("layers");
            for (int l = 0; l < layers; l++) {
                cells.add(l < ls.size() ? ls.get(l).get("mean_selectivity").asDouble(Double.NaN) : Double.NaN);
                cells.add(l < ls.size() ? ls.get(l).get("mean_mutual_information").asDouble(Double.NaN) : Double.NaN);
            }
            csv.row(cells.toArray());
        }
        csv.write(file);
    }

    /** Spearman and Pearson of ablation and noise AUC against generalization error, test accuracy and test loss; model selection. */
    public static ObjectNode correlations(List<Row> rows, long seed) {
        ObjectNode j = Json.object();
        j.put("runs", rows.size());
        String[][] scores = {{"ablation_auc", "ablation", "auc"}, {"ablation_auc_intact", "ablation", "auc_intact_normalized"},
            {"noise_auc", "noise", "auc"}};
        String[] targets = {"generalization_error", "test_accuracy", "test_loss"};
        for (String[] s : scores) {
            double[] x = rows.stream().mapToDouble(r -> r.auc(s[1], s[2])).toArray();
            for (String t : targets) {
                CorrelationJson.put(j, s[0] + "_vs_" + t, x, rows.stream().mapToDouble(r -> r.fin(t)).toArray());
            }
        }
        double[] auc = rows.stream().mapToDouble(r -> r.auc("ablation", "auc")).toArray();
        double[] acc = rows.stream().mapToDouble(r -> r.fin("test_accuracy")).toArray();
        boolean finite = java.util.Arrays.stream(auc).allMatch(Double::isFinite);
        if (rows.size() >= 2 && finite) {
            int m = Math.min(rows.size(), 20);
            ModelSelection ms = ModelSelection.evaluate(auc, acc, m, 1000, seed);
            ObjectNode o = j.putObject("model_selection");
            o.put("score", "ablation_auc");
            o.put("subset_size", ms.subsetSize());
            o.put("repeats", ms.repeats());
            ArrayNode top = o.putArray("top_k");
            for (ModelSelection.TopK t : ms.topK()) {
                ObjectNode k = top.addObject();
                k.put("k", t.k());
                k.put("hit_rate", t.hitRate());
                k.put("chance", t.chance());
            }
        }
        return j;
    }
}
