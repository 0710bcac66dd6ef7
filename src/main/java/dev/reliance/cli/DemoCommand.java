package dev.reliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reliance.experiment.SweepRunner;
import dev.reliance.experiment.SweepSpec;
import dev.reliance.experiment.SweepTable;
import dev.reliance.metrics.Correlation;
import dev.reliance.report.ReportBuilder;
import dev.reliance.util.Engines;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Small-scale reproduction on Fashion-MNIST: MLPs memorise labels corrupted at f = 0, 0.2, ..., 1.0; "
                + "ablation, noise, selectivity and importance; an HTML report and a printed summary (about 2.5 minutes on 2 cores).")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "demo-out", description = "Output folder; rerunning resumes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--data", description = "Folder with the Fashion-MNIST files (default: Debian's location, the cache, or download).")
    Path data;

    @Option(names = "--threads", defaultValue = "0", description = "Threads (0: all cores).")
    int threads;

    @Override
    public Integer call() {
        Engines.threads(threads);
        long t0 = System.nanoTime();
        Path specFile = SweepCommand.resolve(Path.of("demo"), out);
        SweepSpec spec = SweepSpec.read(specFile);
        if (data != null) spec.dataDir = data.toAbsolutePath().toString();
        List<SweepTable.Row> rows = SweepRunner.run(spec, specFile, out, 1, SweepRunner.Shard.ALL, null, System.out);
        Path report = ReportBuilder.write(out);
        printSummary(rows, out);
        System.out.printf(Locale.ROOT, "report: %s%nwall time %.0f s%n", report, (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    static void printSummary(List<SweepTable.Row> rows, Path out) {
        System.out.println();
        System.out.println("corruption  train acc  test acc  ablation AUC  noise AUC  mean-ablation AUC");
        double[] f = new double[rows.size()];
        double[] auc = new double[rows.size()];
        double[] noise = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            SweepTable.Row r = rows.get(i);
            f[i] = r.run().get("config").get("corruption").asDouble();
            auc[i] = r.summary().get("ablation").get("auc").asDouble();
            JsonNode n = r.summary().get("noise");
            noise[i] = n == null ? Double.NaN : n.get("auc").asDouble();
            Path meanSummary = out.resolve("runs").resolve(r.id()).resolve("analysis-mean/summary.json");
            double meanAuc = java.nio.file.Files.isRegularFile(meanSummary)
                    ? dev.reliance.util.Json.readFile(meanSummary).get("ablation").get("auc").asDouble() : Double.NaN;
            System.out.printf(Locale.ROOT, "%10.1f  %9.4f  %8.4f  %12.4f  %9.4f  %17.4f%n", f[i], r.run().get("final").get("train_accuracy").asDouble(),
                    r.run().get("final").get("test_accuracy").asDouble(), auc[i], noise[i], meanAuc);
        }
        Correlation a = Correlation.spearman(f, auc);
        Correlation b = Correlation.spearman(f, noise);
        System.out.printf(Locale.ROOT, "Spearman(corruption, ablation AUC) = %.3f (p = %.2e); Spearman(corruption, noise AUC) = %.3f (p = %.2e)%n",
                a.coefficient(), a.pValue(), b.coefficient(), b.pValue());
        System.out.println(a.coefficient() < 0 ? "More label corruption -> lower AUC: more reliance on single directions (paper Figs 1-2)."
                : "Warning: AUC did not fall with corruption in this run.");
    }
}
