package dev.reliance.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reliance.metrics.Correlation;
import dev.reliance.report.ReportData.Corr;
import dev.reliance.report.ReportData.Curve;
import dev.reliance.report.ReportData.Dynamics;
import dev.reliance.report.ReportData.Input;
import dev.reliance.report.ReportData.Run;
import dev.reliance.report.ReportData.Units;
import dev.reliance.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The library API behind {@code reliance report}: reads a sweep directory (spec.json, runs.csv,
 * correlations.json, runs/ID/) or a single run directory (run.json, metrics.csv, analysis/,
 * analysis-mean/, dynamics/) and writes DIR/report.html (one self-contained page, inline SVG) and
 * every figure as DIR/figures/figN-SLUG.svg. Figures appear only where their data exist.
 *
 * <p>Figure slugs (the part of the .svg name after "figN-"; N counts the figures present):
 * ablation-curves, noise-curves, ablation-auc-vs-generalization-error,
 * noise-auc-vs-generalization-error, dynamics-RUN, auc-vs-test-loss-RUN, dropout-ablation-curves,
 * batch-norm-ablation-curves, ablation-auc-by-setting, selectivity-histogram,
 * mutual-information-histogram, importance-vs-selectivity, importance-vs-mutual-information,
 * zero-vs-mean-ablation-RUN.
 */
public final class ReportBuilder {
    /** At most this many runs get their own training-dynamics and zero-vs-mean figures. */
    static final int PER_RUN_FIGURES = 4;
    private static final Pattern FIGURE_FILE = Pattern.compile("fig\\d+(-[a-z0-9-]*)?\\.svg");

    private final Input in;
    private final HtmlReport report;
    private final Setting reference;
    private final String evaluatedOn;

    private ReportBuilder(Input in) {
        this.in = in;
        this.report = new HtmlReport(in.sweep ? "Reliance report: sweep " + in.name : "Reliance report: run " + in.name);
        this.reference = referenceSetting(in.runs);
        this.evaluatedOn = evaluatedOn(in.runs);
    }

    /** Writes DIR/report.html and DIR/figures/*.svg; returns the report's path. */
    public static Path write(Path dir) {
        HtmlReport r = build(dir);
        Path html = dir.resolve("report.html");
        Path figures = dir.resolve("figures");
        List<Path> written = r.writeFigures(figures);
        removeStaleFigures(figures, written);
        r.write(html);
        return html;
    }

    /** Builds the report in memory (nothing written). Throws a one-line UserException for a bad DIR. */
    public static HtmlReport build(Path dir) {
        return new ReportBuilder(ReportData.load(dir)).assemble();
    }

    private HtmlReport assemble() {
        report.intro(intro());
        curves();
        generalization();
        dynamics();
        regularisers();
        tuning();
        importance();
        zeroVsMean();
        tables();
        return report;
    }

    // ---------------------------------------------------------------- intro

    private String intro() {
        StringBuilder sb = new StringBuilder();
        sb.append("This report shows how much trained networks rely on single directions in their activation "
                + "space, after Morcos et al. (2018), \"On the importance of single directions for generalization\". "
                + "Cumulative ablation clamps hidden units to zero one at a time in random order; noise perturbation "
                + "adds Gaussian noise along random directions. The area under the resulting accuracy curve (AUC) "
                + "summarises robustness: a lower AUC means the network collapses sooner, i.e. relies more on single "
                + "directions. The paper finds that networks which memorise (trained on corrupted labels) rely more "
                + "on single directions, that among networks on clean labels lower AUC goes with worse "
                + "generalization, and that class selectivity says little about a unit's importance.\n\n");
        if (in.sweep) {
            sb.append("Sweep '").append(in.name).append("': ").append(in.runs.size()).append(" network")
                    .append(in.runs.size() == 1 ? "" : "s");
            Set<Double> corr = distinct(in.runs, r -> r.corruption);
            if (!corr.isEmpty()) {
                sb.append(", label-corruption fractions ").append(join(corr));
            }
            sb.append(describeFactors()).append(". Directory: ").append(in.dir.toAbsolutePath().normalize())
                    .append('.');
        } else {
            Run r = in.runs.get(0);
            sb.append("Run '").append(r.id).append("': ").append(r.dataset).append(", model ").append(r.model)
                    .append(", ").append(r.bnLabel()).append(", dropout ").append(fmt(r.dropout))
                    .append(", label corruption ").append(fmt(r.corruption)).append(", seed ").append(r.seed)
                    .append(". Train accuracy ").append(fmt(r.trainAccuracy)).append(", test accuracy ")
                    .append(fmt(r.testAccuracy)).append(", ablation AUC ").append(fmt(r.ablationAuc)).append('.');
        }
        if (!evaluatedOn.isEmpty()) {
            sb.append(" Ablation and noise curves were evaluated on the ").append(evaluatedOn).append(" set")
                    .append(evaluatedOn.equals("train") ? " with the labels the networks were trained on." : ".");
        }
        return sb.toString();
    }

    private String describeFactors() {
        StringBuilder sb = new StringBuilder();
        Set<String> datasets = new TreeSet<>();
        Set<String> models = new TreeSet<>();
        for (Run r : in.runs) {
            datasets.add(r.dataset);
            models.add(r.model);
        }
        datasets.remove("");
        models.remove("");
        if (!datasets.isEmpty()) {
            sb.append(", data set").append(datasets.size() > 1 ? "s " : " ").append(String.join(", ", datasets));
        }
        if (!models.isEmpty()) {
            sb.append(", model").append(models.size() > 1 ? "s " : " ").append(String.join(", ", models));
        }
        Set<Double> dropout = distinct(in.runs, r -> r.dropout);
        if (!dropout.isEmpty()) {
            sb.append(", dropout ").append(join(dropout));
        }
        Set<Boolean> bn = bnValues(in.runs);
        if (!bn.isEmpty()) {
            sb.append(", batch norm ").append(bn.size() > 1 ? "on and off" : bn.contains(true) ? "on" : "off");
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- Fig 1, 2

    private void curves() {
        HtmlReport.Section sec = null;
        List<Run> ref = in.runs.stream().filter(reference::matches).toList();
        String who = in.sweep ? whose(ref) : "";
        String band = !in.sweep ? " The band is ±1 SD over random orderings (ablation) or noise repeats."
                : " Where several networks (seeds) share a corruption fraction, their mean curves are averaged "
                + "point by point and the band is ±1 SD across those networks; a curve from a single network "
                + "shows ±1 SD over its random orderings (ablation) or noise repeats.";
        String perCorruption = in.sweep ? ", one curve per label-corruption fraction" : "";
        List<Run> withAblation = ref.stream().filter(r -> r.ablation != null).toList();
        if (!withAblation.isEmpty()) {
            Map<Double, List<Run>> groups = groupBy(withAblation, r -> r.corruption);
            List<Series> series = new ArrayList<>();
            groups.forEach((f, runs) -> series.add(average(corruptionLabel(f) + count(runs),
                    runs.stream().map(r -> r.ablation).toList(), false)));
            sec = section(sec, "Reliance on single directions: ablation and noise");
            sec.figure("ablation-curves", new LineChart("Cumulative ablation", "fraction of units ablated",
                    accuracyLabel(), series, false, 0.0, 1.0, Palette.SEQUENTIAL),
                    "Accuracy as hidden units are ablated (clamped to zero) cumulatively in random order"
                            + perCorruption + who + "." + band + " Ablation AUC by corruption: "
                            + aucList(groups, r -> r.ablationAuc) + ". Lower AUC = more reliance on single directions.");
        }
        List<Run> withNoise = ref.stream().filter(r -> r.noise != null).toList();
        if (!withNoise.isEmpty()) {
            Map<Double, List<Run>> groups = groupBy(withNoise, r -> r.corruption);
            List<Series> series = new ArrayList<>();
            groups.forEach((f, runs) -> series.add(average(corruptionLabel(f) + count(runs),
                    runs.stream().map(r -> r.noise).toList(), true)));
            sec = section(sec, "Reliance on single directions: ablation and noise");
            sec.figure("noise-curves", new LineChart("Noise along random directions", "noise scale (× unit SD, log)",
                    accuracyLabel(), series, true, 0.0, 1.0, Palette.SEQUENTIAL),
                    "Accuracy as zero-mean Gaussian noise, scaled by each unit's SD, is added to every unit of the "
                            + "probed layers" + perCorruption + who + "." + band
                            + " Noise AUC (over the normalised log scale) by corruption: "
                            + aucList(groups, r -> r.noiseAuc) + ".");
        }
    }

    // ---------------------------------------------------------------- Fig 3

    private void generalization() {
        if (!in.sweep) {
            return;
        }
        HtmlReport.Section sec = null;
        String[][] which = {
            {"ablation", "Ablation AUC", "ablation-auc-vs-generalization-error"},
            {"noise", "Noise AUC", "noise-auc-vs-generalization-error"},
        };
        for (String[] w : which) {
            ToDoubleFunction<Run> auc = w[0].equals("ablation") ? r -> r.ablationAuc : r -> r.noiseAuc;
            List<Run> pts = in.runs.stream()
                    .filter(r -> Double.isFinite(auc.applyAsDouble(r)) && Double.isFinite(r.generalizationError))
                    .toList();
            if (pts.size() < 2) {
                continue;
            }
            List<ScatterGroup> groups = new ArrayList<>();
            groupBy(pts, r -> r.corruption).forEach((f, runs) -> groups.add(new ScatterGroup(corruptionLabel(f),
                    runs.stream().mapToDouble(r -> r.generalizationError).toArray(),
                    runs.stream().mapToDouble(auc).toArray())));
            StringBuilder cap = new StringBuilder(w[1] + " against generalization error (train − test accuracy), one "
                    + "point per network (n = " + pts.size() + "), coloured by label-corruption fraction; the dashed "
                    + "line is a least-squares fit over all points. Across networks, " + w[0] + " AUC vs ");
            String[][] targets = {{"generalization_error", "generalization error"}, {"test_accuracy", "test accuracy"},
                {"test_loss", "test loss"}};
            for (int t = 0; t < targets.length; t++) {
                String key = w[0] + "_auc_vs_" + targets[t][0];
                Corr c = in.correlations == null ? null : Corr.from(in.correlations.get(key));
                String source = "";
                if (c == null) {
                    c = compute(pts, auc, target(targets[t][0]));
                    source = " [computed by the report]";
                }
                cap.append(t == 0 ? "" : "; vs ").append(targets[t][1]).append(": ").append(corrText(c))
                        .append(source);
            }
            cap.append(". The paper finds, for networks on clean labels, that lower AUC goes with larger "
                    + "generalization error (negative correlation).");
            sec = section(sec, "Reliance and generalization");
            sec.figure(w[2], new ScatterChart(w[1] + " against generalization error", "generalization error", w[1],
                    groups, true, Palette.SEQUENTIAL), cap.toString());
        }
    }

    private static ToDoubleFunction<Run> target(String name) {
        return switch (name) {
            case "test_accuracy" -> r -> r.testAccuracy;
            case "test_loss" -> r -> r.testLoss;
            default -> r -> r.generalizationError;
        };
    }

    // ---------------------------------------------------------------- Fig 4

    private void dynamics() {
        List<Run> runs = in.runs.stream().filter(r -> r.dynamics != null
                && finiteCount(r.dynamics.csv().column("ablation_auc")) > 0).toList();
        if (runs.isEmpty()) {
            return;
        }
        HtmlReport.Section sec = report.section("Training dynamics");
        for (Run r : runs.subList(0, Math.min(PER_RUN_FIGURES, runs.size()))) {
            Dynamics d = r.dynamics;
            CsvTable t = d.csv();
            double[] epoch = t.column("epoch");
            List<Series> left = new ArrayList<>();
            left.add(new Series("ablation AUC", epoch, t.column("ablation_auc")));
            if (finiteCount(t.column("noise_auc")) > 0) {
                left.add(new Series("noise AUC", epoch, t.column("noise_auc")));
            }
            List<Series> right = List.of(new Series("train loss", epoch, t.column("train_loss")),
                    new Series("test loss", epoch, t.column("test_loss")));
            String breaks = "AUC starts to decline at epoch " + (d.aucDeclineEpoch() == null ? "n/a (no decline found)"
                    : d.aucDeclineEpoch()) + "; train and test loss diverge at epoch "
                    + (d.lossDivergenceEpoch() == null ? "n/a (no divergence found)" : d.lossDivergenceEpoch());
            String slugRun = HtmlReport.slug(r.id);
            sec.figure("dynamics-" + slugRun, new DualAxisChart("Training dynamics: " + r.id, "epoch", "AUC", "loss",
                    left, right), "Run " + r.id + " (" + describe(r) + "): ablation AUC" + (left.size() > 1
                            ? " and noise AUC" : "") + " at each checkpoint (solid, left axis) beside train and "
                            + "test loss (dashed, right axis). " + breaks + ". The paper finds that AUC starts to fall "
                            + "when train and test loss diverge.");
            double[] auc = t.column("ablation_auc");
            double[] loss = t.column("test_loss");
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < epoch.length; i++) {
                labels.add(i == 0 || i == epoch.length - 1 ? "epoch " + Num.sig(epoch[i], 6) : null);
            }
            Corr c = d.aucVsTestLoss();
            String source = "";
            if (c == null) {
                c = corr(loss, auc);
                source = " [computed by the report]";
            }
            sec.figure("auc-vs-test-loss-" + slugRun, new ScatterChart("Ablation AUC against test loss: " + r.id,
                    "test loss", "ablation AUC", List.of(new ScatterGroup("checkpoints", loss, auc, labels)), true),
                    "Run " + r.id + ": ablation AUC against test loss, one point per checkpoint (" + epoch.length
                            + " checkpoints; first and last labelled). " + spearmanText(c) + source
                            + ". The paper reports Spearman ρ = −0.728 for this relation.");
        }
        if (runs.size() > PER_RUN_FIGURES) {
            sec.note(runs.size() + " runs have training dynamics; figures show the first " + PER_RUN_FIGURES + ": "
                    + String.join(", ", runs.subList(0, PER_RUN_FIGURES).stream().map(r -> r.id).toList()) + ".");
        }
    }

    // ---------------------------------------------------------------- Fig 5

    private void regularisers() {
        if (!in.sweep) {
            return;
        }
        List<Run> withCurves = in.runs.stream().filter(r -> r.ablation != null).toList();
        boolean dropoutVaries = distinct(in.runs, r -> r.dropout).size() > 1;
        boolean bnVaries = bnValues(in.runs).size() > 1;
        if (!dropoutVaries && !bnVaries) {
            return;
        }
        HtmlReport.Section sec = report.section("Dropout and batch normalization");
        if (dropoutVaries && !withCurves.isEmpty()) {
            comparisonFigure(sec, withCurves, "dropout", r -> r.dropout, r -> reference.bn == null
                    || Objects.equals(r.batchNorm, reference.bn), reference.bn == null ? ""
                            : reference.bn ? " and BN on" : " and BN off", Palette.SEQUENTIAL,
                    "The paper finds that dropout protects a memorising network only up to the dropout fraction.");
        }
        if (bnVaries && !withCurves.isEmpty()) {
            comparisonFigure(sec, withCurves, "batch norm", r -> r.batchNorm == null ? Double.NaN
                    : r.batchNorm ? 1.0 : 0.0, r -> sameDouble(r.dropout, reference.dropout),
                    Double.isNaN(reference.dropout) ? "" : " and dropout " + fmt(reference.dropout), Palette.CATEGORICAL,
                    "The paper finds that batch norm makes networks more robust to ablation.");
        }
        auc(sec);
    }

    /** Ablation curves grouped by one factor, the others held at the reference setting where possible. */
    private void comparisonFigure(HtmlReport.Section sec, List<Run> runs, String factor, Function<Run, Double> key,
            Predicate<Run> otherAtReference, String other, Palette palette, String paper) {
        double lowest = runs.stream().mapToDouble(r -> r.corruption).filter(Double::isFinite).min().orElse(Double.NaN);
        List<Run> subset = runs.stream().filter(r -> sameDouble(r.corruption, lowest) && otherAtReference.test(r)
                && r.dataset.equals(reference.dataset) && r.model.equals(reference.model)).toList();
        String scope;
        if (groupBy(subset, key).size() >= 2) {
            scope = "networks with label corruption " + fmt(lowest) + (subset.size() == runs.size() ? "" : other);
        } else {
            subset = runs;
            scope = "all networks with ablation curves, pooled over the other settings";
        }
        Map<Double, List<Run>> groups = groupBy(subset, key);
        boolean bn = factor.equals("batch norm");
        Function<Double, String> label = v -> bn ? (v.isNaN() ? "BN ?" : v == 1.0 ? "BN on" : "BN off")
                : "dropout " + fmt(v);
        List<Series> series = new ArrayList<>();
        groups.forEach((v, rs) -> series.add(average(label.apply(v) + count(rs),
                rs.stream().map(r -> r.ablation).toList(), false)));
        StringBuilder aucs = new StringBuilder();
        groups.forEach((v, rs) -> aucs.append(aucs.length() == 0 ? "" : ", ").append(label.apply(v)).append(": ")
                .append(fmt(meanOf(rs, r -> r.ablationAuc))));
        sec.figure(bn ? "batch-norm-ablation-curves" : "dropout-ablation-curves", new LineChart(
                "Cumulative ablation by " + factor, "fraction of units ablated", accuracyLabel(), series, false, 0.0,
                1.0, palette), "Ablation curves grouped by " + factor + ", for " + scope + " (" + subset.size()
                        + " networks). Curves of several networks are averaged point by point; bands are ±1 SD across "
                        + "networks (or over orderings for a single network). Mean ablation AUC: " + aucs + ". "
                        + paper);
    }

    /** Bar chart: mean ablation AUC per corruption level and per setting (batch norm x dropout). */
    private void auc(HtmlReport.Section sec) {
        List<Run> runs = in.runs.stream().filter(r -> Double.isFinite(r.ablationAuc)).toList();
        if (runs.isEmpty()) {
            return;
        }
        TreeSet<Double> levels = new TreeSet<>(Comparator.naturalOrder());
        runs.forEach(r -> levels.add(r.corruption));
        Map<String, List<Run>> settings = new TreeMap<>();
        for (Run r : runs) {
            settings.computeIfAbsent(new Setting(r).label(in.runs), k -> new ArrayList<>()).add(r);
        }
        List<String> categories = levels.stream().map(ReportBuilder::corruptionLabel).toList();
        List<BarGroup> groups = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        settings.forEach((name, rs) -> {
            double[] mean = new double[levels.size()];
            double[] sd = new double[levels.size()];
            int i = 0;
            for (double f : levels) {
                List<Run> cell = rs.stream().filter(r -> sameDouble(r.corruption, f)).toList();
                mean[i] = meanOf(cell, r -> r.ablationAuc);
                sd[i] = sdOf(cell, r -> r.ablationAuc);
                if (!cell.isEmpty()) {
                    text.append(text.length() == 0 ? "" : "; ").append(name).append(", ")
                            .append(corruptionLabel(f)).append(": ").append(fmt(mean[i]))
                            .append(cell.size() > 1 ? " ± " + fmt(sd[i]) : "").append(" (n = ").append(cell.size())
                            .append(')');
                }
                i++;
            }
            groups.add(new BarGroup(name, mean, sd));
        });
        sec.figure("ablation-auc-by-setting", new BarChart("Mean ablation AUC per setting", "label corruption",
                "ablation AUC", categories, groups), "Mean ablation AUC per label-corruption fraction and setting; "
                        + "error bars are ±1 SD across networks (seeds) where there are several. " + text + ".");
    }

    // ---------------------------------------------------------------- Fig 6

    private void tuning() {
        List<Run> runs = in.runs.stream().filter(r -> r.units != null && r.units.size() > 0).toList();
        if (runs.isEmpty()) {
            return;
        }
        Map<String, List<double[]>> si = new LinkedHashMap<>();
        Map<String, List<double[]>> mi = new LinkedHashMap<>();
        List<Run> counted = runs;
        String scope;
        if (bnValues(runs).size() > 1) {
            double lowest = runs.stream().mapToDouble(r -> r.corruption).filter(Double::isFinite).min()
                    .orElse(Double.NaN);
            List<Run> low = runs.stream().filter(r -> sameDouble(r.corruption, lowest)
                    && sameDouble(r.dropout, reference.dropout) && r.dataset.equals(reference.dataset)
                    && r.model.equals(reference.model)).toList();
            List<Run> use = bnValues(low).size() > 1 ? low : runs;
            scope = "split by batch norm, units pooled over " + use.size() + " networks"
                    + (use == low && low.size() < runs.size() ? " with label corruption " + fmt(lowest)
                            + (distinct(runs, r -> r.dropout).size() > 1 ? " and dropout " + fmt(reference.dropout)
                                    : "") : "");
            for (Boolean b : List.of(false, true)) {
                for (Run r : use) {
                    if (b.equals(r.batchNorm)) {
                        add(si, mi, b ? "BN on" : "BN off", r.units, -1);
                    }
                }
            }
            counted = use;
        } else if (runs.size() > 1 && groupBy(runs, r -> r.corruption).size() > 1) {
            List<Run> ref = runs.stream().filter(reference::matches).toList();
            List<Run> use = groupBy(ref, r -> r.corruption).size() > 1 ? ref : runs;
            scope = "split by label-corruption fraction, units pooled over the networks of each fraction ("
                    + use.size() + " networks)";
            groupBy(use, r -> r.corruption).forEach((f, rs) -> rs.forEach(r -> add(si, mi, corruptionLabel(f),
                    r.units, -1)));
            counted = use;
        } else {
            scope = runs.size() == 1 ? "split by layer, run " + runs.get(0).id
                    : "split by layer, units pooled over " + runs.size() + " networks";
            for (Run r : runs) {
                for (int l : r.units.layers()) {
                    add(si, mi, "layer " + l, r.units, l);
                }
            }
        }
        List<Histogram.Sample> siSamples = samples(si);
        List<Histogram.Sample> miSamples = samples(mi);
        boolean hasSi = siSamples.stream().anyMatch(x -> finiteCount(x.values()) > 0);
        boolean hasMi = miSamples.stream().anyMatch(x -> finiteCount(x.values()) > 0);
        if (!hasSi && !hasMi) {
            return;
        }
        boolean byBn = scope.startsWith("split by batch norm");
        HtmlReport.Section sec = report.section("Selectivity and mutual information");
        int undefined = 0;
        for (Run r : counted) {
            for (double v : r.units.selectivity()) {
                undefined += Double.isNaN(v) ? 1 : 0;
            }
        }
        if (hasSi) {
            sec.figure("selectivity-histogram", new Histogram("Class selectivity index", "selectivity index",
                siSamples, 20, true, 0.0, 1.0), "Distribution of the class selectivity index of hidden units ("
                        + scope + "); only units with defined selectivity are counted (" + undefined
                        + " units with undefined selectivity excluded). Bars are the fraction of each group's "
                        + "units per bin. " + stats(siSamples) + "."
                        + (byBn ? " The paper finds that batch norm lowers selectivity." : ""));
        }
        if (!hasMi) {
            return;
        }
        double miMax = miSamples.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.values()))
                .filter(Double::isFinite).max().orElse(1.0);
        sec.figure("mutual-information-histogram", new Histogram("Mutual information with the class",
                "mutual information (bits)", miSamples, 20, true, 0.0, miMax > 0 ? miMax : 1.0),
                "Distribution of each unit's mutual information with the class label, in bits (" + scope
                        + "). Bars are the fraction of each group's units per bin. " + stats(miSamples)
                        + "." + (byBn ? " The paper finds that batch norm raises mutual information." : ""));
    }

    private static void add(Map<String, List<double[]>> si, Map<String, List<double[]>> mi, String group, Units u,
            int layer) {
        List<Double> s = new ArrayList<>();
        List<Double> m = new ArrayList<>();
        for (int i = 0; i < u.size(); i++) {
            if (layer < 0 || u.layer()[i] == layer) {
                s.add(u.selectivity()[i]);
                m.add(u.mutualInformation()[i]);
            }
        }
        si.computeIfAbsent(group, k -> new ArrayList<>()).add(s.stream().mapToDouble(Double::doubleValue).toArray());
        mi.computeIfAbsent(group, k -> new ArrayList<>()).add(m.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static List<Histogram.Sample> samples(Map<String, List<double[]>> groups) {
        List<Histogram.Sample> out = new ArrayList<>();
        groups.forEach((name, parts) -> out.add(new Histogram.Sample(name,
                parts.stream().flatMapToDouble(java.util.Arrays::stream).toArray())));
        return out;
    }

    private static String stats(List<Histogram.Sample> samples) {
        StringBuilder sb = new StringBuilder("Mean (units): ");
        for (int i = 0; i < samples.size(); i++) {
            Histogram.Sample s = samples.get(i);
            sb.append(i == 0 ? "" : ", ").append(s.name()).append(' ').append(fmt(ReportData.mean(s.values())))
                    .append(" (").append(finiteCount(s.values())).append(')');
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- Fig 7

    private void importance() {
        List<Run> runs = in.runs.stream().filter(r -> r.units != null && finiteCount(r.units.importance()) > 0)
                .toList();
        if (runs.isEmpty()) {
            return;
        }
        double lowest = runs.stream().mapToDouble(r -> r.corruption).filter(Double::isFinite).min().orElse(Double.NaN);
        Run pick = runs.stream().filter(r -> reference.matches(r) && sameDouble(r.corruption, lowest)).findFirst()
                .orElse(runs.get(0));
        HtmlReport.Section sec = report.section("Selectivity, information and unit importance");
        Units u = pick.units;
        JsonNode corr = pick.summary == null ? null : pick.summary.path("correlations");
        String[][] which = {{"selectivity", "class selectivity index", "importance-vs-selectivity"},
            {"mutual_information", "mutual information (bits)", "importance-vs-mutual-information"}};
        for (String[] w : which) {
            boolean isSi = w[0].equals("selectivity");
            double[] x = isSi ? u.selectivity() : u.mutualInformation();
            List<ScatterGroup> groups = new ArrayList<>();
            for (int l : u.layers()) {
                List<double[]> pts = new ArrayList<>();
                for (int i = 0; i < u.size(); i++) {
                    if (u.layer()[i] == l) {
                        pts.add(new double[] {x[i], u.importance()[i]});
                    }
                }
                groups.add(new ScatterGroup("layer " + l, pts.stream().mapToDouble(p -> p[0]).toArray(),
                        pts.stream().mapToDouble(p -> p[1]).toArray()));
            }
            if (groups.stream().noneMatch(g -> java.util.stream.IntStream.range(0, g.size())
                    .anyMatch(i -> Double.isFinite(g.x()[i]) && Double.isFinite(g.y()[i])))) {
                continue;
            }
            String key = "importance_vs_" + w[0];
            StringBuilder cap = new StringBuilder("Run " + pick.id + " (" + describe(pick) + "): importance of each "
                    + "unit (increase of test loss when it alone is ablated) against its " + w[1]
                    + ", coloured by layer" + (isSi ? "; units with undefined selectivity are left out" : "")
                    + ". Pooled over layers: ");
            Corr pooled = corr == null ? null : Corr.from(corr.path("pooled").get(key));
            cap.append(pooled == null ? spearmanText(pooledCorr(u, x, -1)) + " [computed by the report]"
                    : spearmanText(pooled));
            for (int l : u.layers()) {
                Corr c = corr == null ? null : Corr.from(corr.path("per_layer").path(Integer.toString(l)).get(key));
                cap.append("; layer ").append(l).append(": ").append(spearmanText(c == null ? pooledCorr(u, x, l) : c));
            }
            cap.append(isSi ? ". The paper finds that selectivity barely predicts importance (MNIST Spearman ρ = 0.095)."
                    : ". The paper finds that mutual information, like selectivity, predicts importance poorly.");
            sec.figure(w[2], new ScatterChart("Unit importance against " + w[1], w[1], "importance (Δ test loss)",
                    groups, false), cap.toString());
        }
        if (runs.size() > 1) {
            Table.Builder t = Table.builder("Spearman correlation of single-unit importance (Δ test loss) with "
                    + "selectivity, mutual information and incoming-weight L1 norm, pooled over layers, per network",
                    "run", "corruption", "BN", "dropout", "ρ (selectivity)", "p", "ρ (MI)", "p", "ρ (L1 norm)", "p")
                    .digits(3);
            for (Run r : runs) {
                JsonNode pooled = r.summary == null ? null : r.summary.path("correlations").path("pooled");
                Corr s = pooled == null ? null : Corr.from(pooled.get("importance_vs_selectivity"));
                Corr m = pooled == null ? null : Corr.from(pooled.get("importance_vs_mutual_information"));
                Corr l = pooled == null ? null : Corr.from(pooled.get("importance_vs_l1_norm"));
                t.row(r.id, r.corruption, r.bnLabel(), r.dropout, sp(s), spP(s), sp(m), spP(m), sp(l), spP(l));
            }
            sec.table(t.build());
        }
    }

    private static Corr pooledCorr(Units u, double[] x, int layer) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < u.size(); i++) {
            if (layer < 0 || u.layer()[i] == layer) {
                pts.add(new double[] {u.importance()[i], x[i]});
            }
        }
        return corr(pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
    }

    private static Double sp(Corr c) {
        return c == null ? null : c.spearman();
    }

    private static Double spP(Corr c) {
        return c == null ? null : c.spearmanP();
    }

    // ---------------------------------------------------------------- zero vs mean

    private void zeroVsMean() {
        List<Run> runs = in.runs.stream().filter(r -> r.ablation != null && r.meanAblation != null).toList();
        if (runs.isEmpty()) {
            return;
        }
        HtmlReport.Section sec = report.section("Zero against mean ablation");
        for (Run r : runs.subList(0, Math.min(PER_RUN_FIGURES, runs.size()))) {
            double zeroAuc = r.summary == null ? r.ablationAuc : ReportData.num(r.summary.path("ablation"), "auc");
            double meanAuc = r.meanSummary == null ? Double.NaN : ReportData.num(r.meanSummary.path("ablation"), "auc");
            if (Double.isNaN(zeroAuc)) {
                zeroAuc = trapezoid(r.ablation);
            }
            if (Double.isNaN(meanAuc)) {
                meanAuc = trapezoid(r.meanAblation);
            }
            List<Series> series = List.of(
                    new Series("zero ablation", r.ablation.x(), r.ablation.mean(), r.ablation.sd()),
                    new Series("mean ablation", r.meanAblation.x(), r.meanAblation.mean(), r.meanAblation.sd()));
            sec.figure("zero-vs-mean-ablation-" + HtmlReport.slug(r.id), new LineChart("Zero vs mean ablation: " + r.id,
                    "fraction of units ablated", accuracyLabel(), series, false, 0.0, 1.0),
                    "Run " + r.id + " (" + describe(r) + "): cumulative ablation clamping units to zero (analysis/) "
                            + "against clamping them to their training-set mean (analysis-mean/); bands are ±1 SD "
                            + "over orderings. AUC: zero " + fmt(zeroAuc) + ", mean " + fmt(meanAuc)
                            + ". The paper's appendix finds mean ablation more damaging than zero ablation.");
        }
        if (runs.size() > PER_RUN_FIGURES) {
            sec.note(runs.size() + " runs have mean-ablation results; figures show the first " + PER_RUN_FIGURES + ".");
        }
    }

    private static double trapezoid(Curve c) {
        double s = 0;
        for (int i = 1; i < c.x().length; i++) {
            s += (c.x()[i] - c.x()[i - 1]) * (c.mean()[i] + c.mean()[i - 1]) / 2;
        }
        return s;
    }

    // ---------------------------------------------------------------- tables

    private void tables() {
        HtmlReport.Section sec = report.section(in.sweep ? "All networks" : "Numbers");
        Table.Builder t = Table.builder(in.sweep ? "One row per network (runs.csv)" : "Run " + in.name, "id",
                "corruption", "BN", "dropout", "train acc.", "test acc.", "gen. error", "ablation AUC",
                "ablation AUC (intact-norm.)", "noise AUC", "mean SI", "mean MI").digits(3);
        for (Run r : in.runs) {
            t.row(r.id, r.corruption, r.batchNorm == null ? "" : r.batchNorm ? "on" : "off", r.dropout,
                    r.trainAccuracy, r.testAccuracy, r.generalizationError, r.ablationAuc, r.ablationAucIntact,
                    r.noiseAuc, r.meanSelectivity, r.meanMutualInformation);
        }
        sec.table(t.build());
        sec.paragraph("gen. error = train accuracy − test accuracy (train accuracy on the labels the network was "
                + "trained on). Mean SI counts only units with defined selectivity; n/a marks an undefined value.");
        if (!in.sweep) {
            perLayerCorrelations(sec, in.runs.get(0));
        }
        if (in.correlations != null) {
            correlationTables(sec);
        } else if (in.sweep) {
            sec.note("No correlations.json in the sweep directory: across-network correlations and model selection "
                    + "are not tabulated.");
        }
        if (!in.notes.isEmpty()) {
            sec.note("Skipped or missing inputs: " + String.join("; ", in.notes));
        }
        if (in.spec != null) {
            report.section("Sweep specification").preformatted(Json.write(in.spec));
        }
    }

    private void perLayerCorrelations(HtmlReport.Section sec, Run r) {
        JsonNode c = r.summary == null ? null : r.summary.path("correlations");
        if (c == null || !c.path("pooled").isObject()) {
            return;
        }
        Table.Builder t = Table.builder("Single-unit importance (Δ test loss) against unit properties", "layers",
                "property", "Spearman ρ", "p", "Pearson r", "p", "n").digits(3);
        addCorrRows(t, "pooled", c.path("pooled"));
        Iterator<Map.Entry<String, JsonNode>> it = c.path("per_layer").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            addCorrRows(t, "layer " + e.getKey(), e.getValue());
        }
        sec.table(t.build());
    }

    private static void addCorrRows(Table.Builder t, String layers, JsonNode o) {
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Corr c = Corr.from(e.getValue());
            if (c != null) {
                t.row(layers, relation(e.getKey()), c.spearman(), c.spearmanP(), c.pearson(), c.pearsonP(),
                        nInt(c.n()));
            }
        }
    }

    private void correlationTables(HtmlReport.Section sec) {
        Table.Builder t = Table.builder("Across-network correlations (correlations.json)", "relation", "Spearman ρ",
                "p", "Pearson r", "p", "n").digits(3);
        int rows = 0;
        Iterator<Map.Entry<String, JsonNode>> it = in.correlations.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Corr c = e.getKey().equals("model_selection") ? null : Corr.from(e.getValue());
            if (c != null && e.getValue().has("spearman")) {
                t.row(relation(e.getKey()), c.spearman(), c.spearmanP(), c.pearson(),
                        c.pearsonP(), nInt(c.n()));
                rows++;
            }
        }
        if (rows > 0) {
            sec.table(t.build());
        }
        JsonNode ms = in.correlations.get("model_selection");
        if (ms != null && ms.path("top_k").isArray() && ms.path("top_k").size() > 0) {
            sec.paragraph("Model selection (paper Fig. 4c): in " + nText(ms, "repeats") + " random subsets of "
                    + nText(ms, "subset_size") + " networks, how often the network with the highest AUC in the subset "
                    + "ranks among the subset's top k by test accuracy (hit rate), against a random pick (chance).");
            Table.Builder m = Table.builder("Model selection", "k", "hit rate", "chance").digits(3);
            for (JsonNode row : ms.path("top_k")) {
                m.row(nInt(ReportData.num(row, "k")), ReportData.num(row, "hit_rate"), ReportData.num(row, "chance"));
            }
            sec.table(m.build());
        }
    }

    /** "ablation_auc_vs_test_accuracy" -> "ablation AUC vs test accuracy". */
    private static String relation(String key) {
        return key.replace("_vs_", " vs ").replace('_', ' ').replaceAll("\\bauc\\b", "AUC")
                .replaceAll("\\bintact\\b", "(intact-normalised)").replaceAll("\\bl1\\b", "L1");
    }

    private static String nText(JsonNode o, String field) {
        double v = ReportData.num(o, field);
        return Double.isNaN(v) ? "?" : Num.sig(v, 6);
    }

    private static Object nInt(double v) {
        return Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
    }

    // ---------------------------------------------------------------- settings and grouping

    /** The architecture and regularisers of a network; corruption and seed vary within a setting. */
    record Setting(String dataset, String model, Boolean bn, double dropout) {
        Setting(Run r) {
            this(r.dataset, r.model, r.batchNorm, r.dropout);
        }

        boolean matches(Run r) {
            return dataset.equals(r.dataset) && model.equals(r.model) && Objects.equals(bn, r.batchNorm)
                    && sameDouble(dropout, r.dropout);
        }

        /** Only the factors that vary among {@code runs}. */
        String label(List<Run> runs) {
            List<String> parts = new ArrayList<>();
            if (runs.stream().map(r -> r.dataset).distinct().count() > 1) {
                parts.add(dataset);
            }
            if (runs.stream().map(r -> r.model).distinct().count() > 1) {
                parts.add(model);
            }
            if (bnValues(runs).size() > 1 || runs.stream().anyMatch(r -> r.batchNorm == null)
                    && runs.stream().anyMatch(r -> r.batchNorm != null)) {
                parts.add(bn == null ? "BN ?" : bn ? "BN on" : "BN off");
            }
            if (distinct(runs, r -> r.dropout).size() > 1) {
                parts.add("dropout " + fmt(dropout));
            }
            return parts.isEmpty() ? "all" : String.join(", ", parts);
        }
    }

    /**
     * The setting Fig 1 and 2 show: the one with the most corruption levels, then the most runs, then
     * the least regularised (lowest dropout, batch norm off), so the comparison across corruption is
     * not confounded by architecture.
     */
    private static Setting referenceSetting(List<Run> runs) {
        Map<Setting, List<Run>> groups = new LinkedHashMap<>();
        for (Run r : runs) {
            Setting s = new Setting(r);
            groups.computeIfAbsent(groups.keySet().stream().filter(k -> k.matches(r)).findFirst().orElse(s),
                    k -> new ArrayList<>()).add(r);
        }
        Comparator<Map.Entry<Setting, List<Run>>> order = Comparator
                .<Map.Entry<Setting, List<Run>>>comparingInt(e -> -distinct(e.getValue(), r -> r.corruption).size())
                .thenComparingInt(e -> -e.getValue().size())
                .thenComparingDouble(e -> Double.isNaN(e.getKey().dropout()) ? 0 : e.getKey().dropout())
                .thenComparingInt(e -> Boolean.TRUE.equals(e.getKey().bn()) ? 1 : 0)
                .thenComparing(e -> e.getKey().dataset() + "\u0000" + e.getKey().model());
        return groups.entrySet().stream().min(order).map(Map.Entry::getKey)
                .orElse(new Setting("", "", null, Double.NaN));
    }

    /** " for networks with SETTING (n runs)" when the setting leaves some runs out; "" otherwise. */
    private String whose(List<Run> ref) {
        if (ref.size() == in.runs.size()) {
            return "";
        }
        return " (networks with " + reference.label(in.runs) + ": " + ref.size() + " of " + in.runs.size()
                + "; other settings are compared below)";
    }

    private static String describe(Run r) {
        return "corruption " + fmt(r.corruption) + ", " + r.bnLabel() + ", dropout " + fmt(r.dropout);
    }

    private static String evaluatedOn(List<Run> runs) {
        for (Run r : runs) {
            if (r.summary != null && r.summary.hasNonNull("evaluated_on")) {
                return r.summary.get("evaluated_on").asText();
            }
        }
        return "";
    }

    private String accuracyLabel() {
        return evaluatedOn.isEmpty() ? "accuracy" : evaluatedOn + " accuracy";
    }

    static <K extends Comparable<K>> Map<K, List<Run>> groupBy(List<Run> runs, Function<Run, K> key) {
        Map<K, List<Run>> out = new TreeMap<>();
        for (Run r : runs) {
            out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static Set<Double> distinct(List<Run> runs, ToDoubleFunction<Run> f) {
        Set<Double> out = new TreeSet<>();
        for (Run r : runs) {
            double v = f.applyAsDouble(r);
            if (Double.isFinite(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static Set<Boolean> bnValues(List<Run> runs) {
        Set<Boolean> out = new HashSet<>();
        for (Run r : runs) {
            if (r.batchNorm != null) {
                out.add(r.batchNorm);
            }
        }
        return out;
    }

    private static boolean sameDouble(double a, double b) {
        return Double.compare(a, b) == 0 || Math.abs(a - b) < 1e-12;
    }

    // ---------------------------------------------------------------- curves

    /**
     * One series from several networks' curves: the point-wise mean of their mean curves with +-1 SD
     * across networks, or a single network's curve with its own SD. Curves on different x grids are
     * interpolated (in log x for noise) onto the grid of the curve with the most points.
     */
    static Series average(String name, List<Curve> curves, boolean logX) {
        if (curves.size() == 1) {
            Curve c = curves.get(0);
            return new Series(name, c.x(), c.mean(), c.sd());
        }
        Curve base = curves.stream().max(Comparator.comparingInt(c -> c.x().length)).orElseThrow();
        double[] x = base.x();
        double[] mean = new double[x.length];
        double[] sd = new double[x.length];
        List<double[]> ys = curves.stream().map(c -> onGrid(c, x, logX)).toList();
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            int n = 0;
            for (double[] y : ys) {
                if (Double.isFinite(y[i])) {
                    sum += y[i];
                    n++;
                }
            }
            mean[i] = n == 0 ? Double.NaN : sum / n;
            double ss = 0;
            for (double[] y : ys) {
                if (Double.isFinite(y[i])) {
                    ss += (y[i] - mean[i]) * (y[i] - mean[i]);
                }
            }
            sd[i] = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
        }
        return new Series(name, x, mean, sd);
    }

    private static double[] onGrid(Curve c, double[] grid, boolean logX) {
        if (java.util.Arrays.equals(c.x(), grid)) {
            return c.mean();
        }
        double[] out = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            out[i] = interpolate(c.x(), c.mean(), grid[i], logX);
        }
        return out;
    }

    private static double interpolate(double[] xs, double[] ys, double x, boolean logX) {
        Function<Double, Double> t = logX ? v -> v > 0 ? Math.log(v) : Double.NaN : v -> v;
        double tx = t.apply(x);
        for (int i = 0; i + 1 < xs.length; i++) {
            double a = t.apply(xs[i]);
            double b = t.apply(xs[i + 1]);
            if (tx >= Math.min(a, b) && tx <= Math.max(a, b)) {
                return a == b ? ys[i] : ys[i] + (ys[i + 1] - ys[i]) * (tx - a) / (b - a);
            }
        }
        return xs.length == 1 && xs[0] == x ? ys[0] : Double.NaN;
    }

    // ---------------------------------------------------------------- numbers and text

    static String fmt(double v) {
        return Num.sig(v, 3);
    }

    private static String corruptionLabel(double f) {
        return "corruption " + fmt(f);
    }

    private static String count(List<Run> runs) {
        return runs.size() > 1 ? " (n=" + runs.size() + ")" : "";
    }

    private static String join(Set<Double> values) {
        return String.join(", ", values.stream().map(ReportBuilder::fmt).toList());
    }

    private static String aucList(Map<Double, List<Run>> groups, ToDoubleFunction<Run> auc) {
        List<String> parts = new ArrayList<>();
        groups.forEach((f, runs) -> {
            double sd = sdOf(runs, auc);
            parts.add(fmt(f) + ": " + fmt(meanOf(runs, auc)) + (runs.size() > 1 && Double.isFinite(sd)
                    ? " ± " + fmt(sd) + " (n = " + runs.size() + ")" : ""));
        });
        return String.join(", ", parts);
    }

    static double meanOf(List<Run> runs, ToDoubleFunction<Run> f) {
        return ReportData.mean(runs.stream().mapToDouble(f).toArray());
    }

    static double sdOf(List<Run> runs, ToDoubleFunction<Run> f) {
        double[] v = runs.stream().mapToDouble(f).filter(Double::isFinite).toArray();
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = ReportData.mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    private static int finiteCount(double[] v) {
        int n = 0;
        for (double x : v) {
            n += Double.isFinite(x) ? 1 : 0;
        }
        return n;
    }

    /** Spearman and Pearson with p-values over the finite pairs. */
    private static Corr corr(double[] x, double[] y) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                pts.add(new double[] {x[i], y[i]});
            }
        }
        if (pts.size() < 3) {
            return new Corr(Double.NaN, Double.NaN, Double.NaN, Double.NaN, pts.size());
        }
        double[] a = pts.stream().mapToDouble(p -> p[0]).toArray();
        double[] b = pts.stream().mapToDouble(p -> p[1]).toArray();
        Correlation s = Correlation.spearman(a, b);
        Correlation p = Correlation.pearson(a, b);
        return new Corr(s.coefficient(), s.pValue(), p.coefficient(), p.pValue(), pts.size());
    }

    private static Corr compute(List<Run> runs, ToDoubleFunction<Run> x, ToDoubleFunction<Run> y) {
        return corr(runs.stream().mapToDouble(x).toArray(), runs.stream().mapToDouble(y).toArray());
    }

    static String corrText(Corr c) {
        if (c == null) {
            return "not available";
        }
        return "Spearman ρ = " + fmt(c.spearman()) + " (p = " + Num.sig(c.spearmanP(), 2) + "), Pearson r = "
                + fmt(c.pearson()) + " (p = " + Num.sig(c.pearsonP(), 2) + "), n = " + Num.sig(c.n(), 6);
    }

    static String spearmanText(Corr c) {
        if (c == null) {
            return "Spearman ρ not available";
        }
        return "Spearman ρ = " + fmt(c.spearman()) + " (p = " + Num.sig(c.spearmanP(), 2) + ", n = "
                + Num.sig(c.n(), 6) + ")";
    }

    private HtmlReport.Section section(HtmlReport.Section current, String heading) {
        return current != null ? current : report.section(heading);
    }

    /** Removes figN-*.svg files left by an earlier report that this one did not write. */
    private static void removeStaleFigures(Path dir, List<Path> written) {
        Set<Path> keep = new HashSet<>();
        written.forEach(p -> keep.add(p.getFileName()));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (FIGURE_FILE.matcher(name).matches() && !keep.contains(p.getFileName()) && Files.isRegularFile(p)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            if (Files.isDirectory(dir)) {
                throw new UncheckedIOException("cannot tidy " + dir + ": " + e.getMessage(), e);
            }
        }
    }
}
