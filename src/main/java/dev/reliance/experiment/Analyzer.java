package dev.reliance.experiment;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reliance.data.Dataset;
import dev.reliance.data.Subsets;
import dev.reliance.metrics.Auc;
import dev.reliance.metrics.CurveStats;
import dev.reliance.metrics.MutualInformation;
import dev.reliance.model.ModelConfig;
import dev.reliance.model.ProbedNetwork;
import dev.reliance.probe.AblationMode;
import dev.reliance.probe.AblationPlan;
import dev.reliance.probe.AblationResult;
import dev.reliance.probe.ActivationStats;
import dev.reliance.probe.DenseAblation;
import dev.reliance.probe.DenseNoise;
import dev.reliance.model.ModelWeights;
import dev.reliance.probe.NoisePlan;
import dev.reliance.probe.Orderings;
import dev.reliance.probe.SuffixAblation;
import dev.reliance.probe.SuffixNoise;
import dev.reliance.probe.UnitRef;
import dev.reliance.probe.UnitSet;
import dev.reliance.run.LoadedRun;
import dev.reliance.run.Versions;
import dev.reliance.util.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The library API behind {@code reliance analyze}: cumulative ablation, noise, unit tuning and
 * single-unit importance of one trained network, written as CSV and JSON into an output
 * folder (by default the run's {@code analysis/}). summary.json is written last.
 */
public final class Analyzer {
    private Analyzer() {}

    public static AnalysisSummary analyze(LoadedRun run, AnalysisConfig cfg, Path outDir, AnalysisProgress progress) {
        cfg.validate();
        ProbedNetwork net = run.network();
        ModelConfig c = net.config();
        NDManager manager = run.model().getNDManager();
        UnitSet set = cfg.layers().length == 0 ? UnitSet.defaultFor(c, cfg.lastConvLayers()) : UnitSet.of(c, cfg.layers());
        Dataset train = run.data().train();
        Dataset test = run.data().test();
        Dataset eval = cfg.evalSet().equals("test") ? test : train;
        if (cfg.examples() > 0 && cfg.examples() < eval.size()) {
            eval = eval.subset(Subsets.seededSubset(eval.size(), cfg.examples(), cfg.seed(), "--examples"));
        }
        int threads = cfg.effectiveThreads();

        AnalysisProgress.Step st = progress.step("training-set statistics", 1);
        ActivationStats stats = ActivationStats.compute(net, manager, train);
        st.finish();

        List<int[]> orderings = Orderings.random(set.size(), cfg.orderings(), cfg.seed());
        int[] counts = cfg.gridPoints() == 0 ? AblationPlan.everyCount(set.size()) : AblationPlan.grid(set.size(), cfg.gridPoints());
        AblationPlan plan = new AblationPlan(set, orderings, counts, AblationMode.parse(cfg.mode(), cfg.amount()));
        AblationResult ablation = runAblation(net, manager, plan, stats, eval, threads, progress, "cumulative ablation");
        Curves ablationCurves = Curves.ablation(ablation, counts, set.size());
        ablationCsv(ablation, counts, set.size()).write(outDir.resolve("ablation.csv"));
        ablationCurves.csv("units_ablated,fraction").write(outDir.resolve("ablation_curve.csv"));

        Curves noiseCurves = null;
        if (cfg.noise()) {
            double[] range = cfg.noiseRange(c.conv());
            NoisePlan noise = new NoisePlan(set, NoisePlan.logSpaced(range[0], range[1], cfg.noisePoints()), cfg.noiseRepeats(),
                    cfg.noiseVariance(), cfg.seed());
            AnalysisProgress.Step ns = progress.step("noise", (long) eval.size() * noise.repeats());
            AblationResult nr = c.conv() ? SuffixNoise.run(net, manager, noise, stats, eval, ns::done)
                    : DenseNoise.run(net, manager, noise, stats, eval, threads, ns::done);
            ns.finish();
            noiseCurves = Curves.noise(nr, noise.scales());
            noiseCsv(nr, noise.scales()).write(outDir.resolve("noise.csv"));
            noiseCurves.csv("scale_index,scale").write(outDir.resolve("noise_curve.csv"));
        }

        AnalysisProgress.Step ts = progress.step("selectivity and mutual information", 1);
        UnitTuning.Result tuning = UnitTuning.measure(net, manager, set, test, cfg.miBins(),
                cfg.miBinning().equals("equal-width") ? MutualInformation.Binning.EQUAL_WIDTH : MutualInformation.Binning.EQUAL_FREQUENCY);
        ts.finish();
        double[] l1 = l1Norms(net, set);
        Importance importance = cfg.importance() ? Importance.measure(net, manager, set, stats, test, threads, progress) : null;
        UnitTable table = new UnitTable(set, tuning, l1, importance);
        table.unitsCsv().write(outDir.resolve("units.csv"));
        if (importance != null) table.perClassCsv().write(outDir.resolve("units_per_class.csv"));

        AnalysisSummary summary = new AnalysisSummary(ablationCurves.auc(), ablationCurves.aucIntact(),
                noiseCurves == null ? Double.NaN : noiseCurves.auc(), noiseCurves == null ? Double.NaN : noiseCurves.aucIntact(),
                table.meanPerLayer(true), table.meanPerLayer(false), set.layers());
        ObjectNode json = summaryJson(run, cfg, set, eval, orderings, ablationCurves, noiseCurves, table, summary);
        Json.writeFile(outDir.resolve("summary.json"), json);
        return summary;
    }

    static AblationResult runAblation(ProbedNetwork net, NDManager manager, AblationPlan plan, ActivationStats stats, Dataset data,
            int threads, AnalysisProgress progress, String name) {
        AnalysisProgress.Step step = progress.step(name, data.size());
        AblationResult r = net.config().conv() ? SuffixAblation.run(net, manager, plan, stats, data, step::done)
                : DenseAblation.run(net, manager, plan, stats, data, threads, step::done);
        step.finish();
        return r;
    }

    private static double[] l1Norms(ProbedNetwork net, UnitSet set) {
        double[] out = new double[set.size()];
        int pos = 0;
        for (int l : set.layers()) {
            float[] v = ModelWeights.incomingL1(net, l);
            for (float x : v) out[pos++] = x;
        }
        return out;
    }

    private static Csv ablationCsv(AblationResult r, int[] counts, int units) {
        Csv csv = new Csv("ordering,units_ablated,fraction,accuracy,loss");
        for (int o = 0; o < r.orderings(); o++) {
            for (int s = 0; s < counts.length; s++) {
                csv.row(o, counts[s], (double) counts[s] / units, r.accuracy(o, s), r.loss(o, s));
            }
        }
        return csv;
    }

    private static Csv noiseCsv(AblationResult r, double[] scales) {
        Csv csv = new Csv("repeat,scale_index,scale,accuracy,loss");
        for (int o = 0; o < r.orderings(); o++) {
            for (int s = 0; s < scales.length; s++) csv.row(o, s, scales[s], r.accuracy(o, s), r.loss(o, s));
        }
        return csv;
    }

    private static ObjectNode summaryJson(LoadedRun run, AnalysisConfig cfg, UnitSet set, Dataset eval, List<int[]> orderings,
            Curves ablation, Curves noise, UnitTable table, AnalysisSummary s) {
        ObjectNode j = Json.object();
        j.put("format", "reliance-analysis/1");
        j.put("run", run.files().dir().toAbsolutePath().toString());
        j.set("config", Json.MAPPER.valueToTree(cfg));
        j.set("versions", Versions.asJson());
        j.set("run_final", run.record().get("final"));
        j.put("evaluated_on", cfg.evalSet());
        j.put("evaluated_examples", eval.size());
        ArrayNode layers = j.putArray("unit_set_layers");
        for (int l : set.layers()) layers.add(l);
        j.put("units", set.size());
        ObjectNode ab = j.putObject("ablation");
        ab.put("mode", cfg.mode());
        ab.put("amount", cfg.amount());
        ab.put("auc", ablation.auc());
        ab.put("auc_intact_normalized", ablation.aucIntact());
        ab.put("intact_accuracy", ablation.mean()[0]);
        ab.put("final_accuracy", ablation.mean()[ablation.mean().length - 1]);
        if (noise != null) {
            ObjectNode n = j.putObject("noise");
            n.put("auc", noise.auc());
            n.put("auc_intact_normalized", noise.aucIntact());
            n.put("mode", cfg.noiseVariance() ? "variance" : "sd");
            n.put("common_random_numbers_across_scales", true);
        }
        j.set("layers", table.layerSummaryJson());
        j.set("correlations", table.correlationsJson());
        ArrayNode units = j.putArray("unit_set");
        for (UnitRef u : set.units()) units.add(u.toString());
        ArrayNode ords = j.putArray("orderings");
        for (int[] o : orderings) {
            ArrayNode a = ords.addArray();
            for (int v : o) a.add(v);
        }
        return j;
    }

    /** Mean and SD curves over orderings (or repeats) and their AUCs. */
    record Curves(double[] x, double[] xValue, double[] mean, double[] sd, double[] lossMean, double[] lossSd, double auc, double aucIntact) {
        static Curves ablation(AblationResult r, int[] counts, int units) {
            double[] frac = new double[counts.length];
            double[] xs = new double[counts.length];
            for (int s = 0; s < counts.length; s++) {
                frac[s] = (double) counts[s] / units;
                xs[s] = counts[s];
            }
            CurveStats acc = CurveStats.of(r.accuracyMatrix());
            CurveStats loss = CurveStats.of(lossMatrix(r));
            double auc = Auc.trapezoid(frac, acc.mean());
            double intact = acc.mean()[0] > 0 && counts[0] == 0 ? auc / acc.mean()[0] : Double.NaN;
            return new Curves(xs, frac, acc.mean(), acc.sd(), loss.mean(), loss.sd(), auc, intact);
        }

        static Curves noise(AblationResult r, double[] scales) {
            double[] idx = new double[scales.length];
            for (int i = 0; i < idx.length; i++) idx[i] = i;
            CurveStats acc = CurveStats.of(r.accuracyMatrix());
            CurveStats loss = CurveStats.of(lossMatrix(r));
            double auc = Auc.noiseAuc(scales, acc.mean(), Auc.Normalization.NONE);
            double intact = Auc.noiseAuc(scales, acc.mean(), Auc.Normalization.INTACT);
            return new Curves(idx, scales, acc.mean(), acc.sd(), loss.mean(), loss.sd(), auc, intact);
        }

        private static double[][] lossMatrix(AblationResult r) {
            double[][] m = new double[r.orderings()][r.steps()];
            for (int o = 0; o < r.orderings(); o++) for (int s = 0; s < r.steps(); s++) m[o][s] = r.loss(o, s);
            return m;
        }

        Csv csv(String xHeader) {
            Csv c = new Csv(xHeader + ",mean_accuracy,sd_accuracy,mean_loss,sd_loss");
            for (int i = 0; i < mean.length; i++) {
                Object first = xHeader.startsWith("units") || xHeader.startsWith("scale_index") ? (Object) (long) x[i] : x[i];
                c.row(first, xValue[i], mean[i], sd[i], lossMean[i], lossSd[i]);
            }
            return c;
        }
    }
}
