package dev.reliance.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reliance.util.Json;
import dev.reliance.util.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the report reads from a sweep or run directory: per-run results, curves, unit tables,
 * training dynamics and the sweep's correlations. Optional files that are missing are simply
 * absent (null); an optional per-run file that is malformed is skipped with a note, so that one
 * broken run does not hide the rest of a sweep.
 */
final class ReportData {
    /** A mean curve with its SD per point (SD may be NaN). */
    record Curve(double[] x, double[] mean, double[] sd) {}

    /** One correlation as written by the analysis: coefficients, p-values and n (NaN where absent). */
    record Corr(double spearman, double spearmanP, double pearson, double pearsonP, double n) {
        static Corr from(JsonNode o) {
            if (o == null || !o.isObject()) {
                return null;
            }
            return new Corr(num(o, "spearman"), num(o, "spearman_p"), num(o, "pearson"), num(o, "pearson_p"),
                    num(o, "n"));
        }
    }

    /** units.csv: one entry per unit; selectivity NaN where undefined. */
    record Units(int[] layer, double[] selectivity, double[] mutualInformation, double[] importance) {
        int size() {
            return layer.length;
        }

        int[] layers() {
            return java.util.Arrays.stream(layer).distinct().sorted().toArray();
        }

        double meanSelectivity() {
            return mean(selectivity);
        }

        double meanMutualInformation() {
            return mean(mutualInformation);
        }
    }

    /** dynamics/dynamics.csv and dynamics.json. */
    record Dynamics(CsvTable csv, Integer aucDeclineEpoch, Integer lossDivergenceEpoch, Corr aucVsTestLoss) {}

    /** One trained network: its record and whatever analysis files exist. */
    static final class Run {
        String id;
        Path dir;
        String dataset = "";
        String model = "";
        Boolean batchNorm;
        double dropout = Double.NaN;
        double corruption = Double.NaN;
        String seed = "";
        double trainAccuracy = Double.NaN;
        double testAccuracy = Double.NaN;
        double trainLoss = Double.NaN;
        double testLoss = Double.NaN;
        double generalizationError = Double.NaN;
        double ablationAuc = Double.NaN;
        double ablationAucIntact = Double.NaN;
        double noiseAuc = Double.NaN;
        double noiseAucIntact = Double.NaN;
        double meanSelectivity = Double.NaN;
        double meanMutualInformation = Double.NaN;
        Curve ablation;
        Curve noise;
        Units units;
        JsonNode summary;
        Curve meanAblation;
        JsonNode meanSummary;
        Dynamics dynamics;

        String bnLabel() {
            return batchNorm == null ? "BN ?" : batchNorm ? "BN on" : "BN off";
        }
    }

    /** The whole input: a sweep (many runs) or one run. */
    static final class Input {
        final Path dir;
        final boolean sweep;
        String name = "";
        JsonNode spec;
        JsonNode correlations;
        final List<Run> runs = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Input(Path dir, boolean sweep) {
            this.dir = dir;
            this.sweep = sweep;
        }
    }

    private ReportData() {}

    /** Reads DIR as a sweep (runs.csv) or a run (run.json); anything else is a one-line user error. */
    static Input load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserException(dir + ": directory not found");
        }
        if (Files.isRegularFile(dir.resolve("runs.csv"))) {
            return loadSweep(dir);
        }
        if (Files.isRegularFile(dir.resolve("run.json"))) {
            Input in = new Input(dir, false);
            Run r = new Run();
            r.id = name(dir);
            r.dir = dir;
            readRunJson(r, in);
            readAnalysis(r, in);
            in.name = r.id;
            in.runs.add(r);
            return in;
        }
        throw new UserException(dir + ": not a sweep directory (no runs.csv) nor a run directory (no run.json)");
    }

    private static Input loadSweep(Path dir) {
        Input in = new Input(dir, true);
        Path specFile = dir.resolve("spec.json");
        if (Files.isRegularFile(specFile)) {
            in.spec = Json.readFile(specFile);
            in.name = in.spec.path("name").asText("");
        }
        if (in.name.isEmpty()) {
            in.name = name(dir);
        }
        Path corr = dir.resolve("correlations.json");
        if (Files.isRegularFile(corr)) {
            in.correlations = Json.readFile(corr);
        }
        CsvTable t = CsvTable.read(dir.resolve("runs.csv")).require("id");
        Path runsDir = dir.resolve("runs").toAbsolutePath().normalize();
        for (int i = 0; i < t.size(); i++) {
            Run r = new Run();
            r.id = t.text(i, "id");
            r.dataset = t.text(i, "dataset");
            r.model = t.text(i, "model");
            r.batchNorm = t.bool(i, "batch_norm");
            r.dropout = t.num(i, "dropout");
            r.corruption = t.num(i, "corruption");
            r.seed = t.text(i, "seed");
            r.trainAccuracy = t.num(i, "train_accuracy");
            r.testAccuracy = t.num(i, "test_accuracy");
            r.trainLoss = t.num(i, "train_loss");
            r.testLoss = t.num(i, "test_loss");
            r.generalizationError = t.num(i, "generalization_error");
            r.ablationAuc = t.num(i, "ablation_auc");
            r.ablationAucIntact = t.num(i, "ablation_auc_intact");
            r.noiseAuc = t.num(i, "noise_auc");
            r.noiseAucIntact = t.num(i, "noise_auc_intact");
            r.meanSelectivity = t.num(i, "mean_selectivity");
            r.meanMutualInformation = t.num(i, "mean_mutual_information");
            if (Double.isNaN(r.generalizationError)) {
                r.generalizationError = r.trainAccuracy - r.testAccuracy;
            }
            Path runDir = runsDir.resolve(r.id).normalize();
            if (r.id.isEmpty() || !runDir.startsWith(runsDir) || runDir.equals(runsDir)) {
                in.notes.add("runs.csv line " + (i + 2) + ": run id '" + r.id + "' is not a folder name; skipped its files");
            } else if (Files.isDirectory(runDir)) {
                r.dir = runDir;
                readAnalysis(r, in);
            } else {
                in.notes.add("run " + r.id + ": no folder runs/" + r.id + "; only its runs.csv numbers are shown");
            }
            in.runs.add(r);
        }
        return in;
    }

    private static void readRunJson(Run r, Input in) {
        JsonNode j = Json.readFile(r.dir.resolve("run.json"));
        JsonNode c = j.path("config");
        r.dataset = c.path("dataset").asText("");
        r.model = c.path("model").asText("");
        JsonNode bn = c.get("batchNorm");
        r.batchNorm = bn == null || bn.isNull() ? null : bn.asBoolean();
        r.dropout = num(c, "dropout");
        r.corruption = num(c, "corruption");
        r.seed = c.has("seed") ? c.get("seed").asText() : j.path("seed").asText("");
        JsonNode f = j.path("final");
        r.trainAccuracy = num(f, "train_accuracy");
        r.testAccuracy = num(f, "test_accuracy");
        r.trainLoss = num(f, "train_loss");
        r.testLoss = num(f, "test_loss");
        r.generalizationError = num(f, "generalization_error");
        if (Double.isNaN(r.generalizationError)) {
            r.generalizationError = r.trainAccuracy - r.testAccuracy;
        }
    }

    /** Reads analysis/, analysis-mean/ and dynamics/ of a run; fills numbers runs.csv left empty. */
    private static void readAnalysis(Run r, Input in) {
        Path a = r.dir.resolve("analysis");
        r.ablation = optional(in, () -> curve(a.resolve("ablation_curve.csv"), "fraction"));
        r.noise = optional(in, () -> curve(a.resolve("noise_curve.csv"), "scale"));
        r.units = optional(in, () -> units(a.resolve("units.csv")));
        r.summary = optional(in, () -> json(a.resolve("summary.json")));
        Path m = r.dir.resolve("analysis-mean");
        r.meanAblation = optional(in, () -> curve(m.resolve("ablation_curve.csv"), "fraction"));
        r.meanSummary = optional(in, () -> json(m.resolve("summary.json")));
        r.dynamics = optional(in, () -> dynamics(r.dir.resolve("dynamics")));
        if (r.summary != null) {
            r.ablationAuc = fill(r.ablationAuc, num(r.summary.path("ablation"), "auc"));
            r.ablationAucIntact = fill(r.ablationAucIntact, num(r.summary.path("ablation"), "auc_intact_normalized"));
            r.noiseAuc = fill(r.noiseAuc, num(r.summary.path("noise"), "auc"));
            r.noiseAucIntact = fill(r.noiseAucIntact, num(r.summary.path("noise"), "auc_intact_normalized"));
        }
        if (r.units != null) {
            r.meanSelectivity = fill(r.meanSelectivity, r.units.meanSelectivity());
            r.meanMutualInformation = fill(r.meanMutualInformation, r.units.meanMutualInformation());
        }
    }

    private interface Loader<T> {
        T load();
    }

    private static <T> T optional(Input in, Loader<T> loader) {
        try {
            return loader.load();
        } catch (UserException e) {
            in.notes.add(e.getMessage() + " (skipped)");
            return null;
        }
    }

    private static Curve curve(Path file, String xColumn) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        CsvTable t = CsvTable.read(file).require(xColumn, "mean_accuracy");
        if (t.size() == 0) {
            return null;
        }
        return new Curve(t.column(xColumn), t.column("mean_accuracy"), t.column("sd_accuracy"));
    }

    private static Units units(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        CsvTable t = CsvTable.read(file).require("layer", "selectivity");
        int n = t.size();
        int[] layer = new int[n];
        double[] si = new double[n];
        for (int i = 0; i < n; i++) {
            double l = t.num(i, "layer");
            if (Double.isNaN(l) || l != Math.rint(l)) {
                throw new UserException(file + ": line " + (i + 2) + ": layer is not an integer");
            }
            layer[i] = (int) l;
            Boolean defined = t.bool(i, "selectivity_defined");
            si[i] = Boolean.FALSE.equals(defined) ? Double.NaN : t.num(i, "selectivity");
        }
        return new Units(layer, si, t.column("mutual_information"), t.column("importance_loss"));
    }

    private static JsonNode json(Path file) {
        return Files.isRegularFile(file) ? Json.readFile(file) : null;
    }

    private static Dynamics dynamics(Path dir) {
        Path csv = dir.resolve("dynamics.csv");
        if (!Files.isRegularFile(csv)) {
            return null;
        }
        CsvTable t = CsvTable.read(csv).require("epoch");
        if (t.size() == 0) {
            return null;
        }
        for (String c : List.of("epoch", "train_loss", "test_loss", "ablation_auc", "noise_auc")) {
            t.column(c); // malformed numbers surface here, where the run's file is skipped with a note
        }
        JsonNode j = json(dir.resolve("dynamics.json"));
        if (j == null) {
            return new Dynamics(t, null, null, null);
        }
        return new Dynamics(t, epoch(j.get("auc_decline_epoch")), epoch(j.get("loss_divergence_epoch")),
                Corr.from(j.get("spearman_auc_vs_test_loss")));
    }

    private static Integer epoch(JsonNode n) {
        return n != null && n.isNumber() ? n.asInt() : null;
    }

    /** A number field: NaN when absent, null, or not numeric ("NaN" strings included). */
    static double num(JsonNode o, String field) {
        JsonNode n = o == null ? null : o.get(field);
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText().strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    static double mean(double[] v) {
        double sum = 0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                sum += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double fill(double current, double fallback) {
        return Double.isNaN(current) ? fallback : current;
    }

    private static String name(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
    }
}
