package dev.reliance.experiment;

import dev.reliance.run.LoadedRun;
import dev.reliance.run.Runs;
import dev.reliance.train.TrainConfig;
import dev.reliance.train.TrainingListener;
import dev.reliance.util.Json;
import dev.reliance.util.UserException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Runs a sweep: trains and analyses every grid point that is not finished yet, then writes
 * runs.csv and correlations.json over all finished runs. Resumable: finished runs are skipped,
 * half-finished ones removed and redone. With more than one worker each run is a child JVM
 * (PyTorch's RNG is process-wide, so in-process parallel runs would not be reproducible).
 * A shard (i of n) takes every n-th run, so several machines can share a sweep directory.
 */
public final class SweepRunner {
    /** Which runs this process takes: those whose index modulo {@code count} is {@code index}. */
    public record Shard(int index, int count) {
        public static final Shard ALL = new Shard(0, 1);

        public static Shard parse(String s) {
            String[] p = s.split("/");
            try {
                Shard sh = new Shard(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
                if (p.length == 2 && sh.count > 0 && sh.index >= 0 && sh.index < sh.count) return sh;
            } catch (RuntimeException ignored) {
                // fall through
            }
            throw new UserException("--shard: expected I/N with 0 <= I < N, got '" + s + "'");
        }
    }

    private SweepRunner() {}

    public static List<SweepTable.Row> run(SweepSpec spec, Path specFile, Path out, int workers, Shard shard, String only,
            PrintStream log) {
        prepare(spec, out);
        List<TrainConfig> configs = spec.expand();
        List<String> ids = configs.stream().map(spec::runId).toList();
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            if (only != null && !ids.get(i).equals(only)) continue;
            if (i % shard.count() != shard.index()) continue;
            if (finished(spec, out.resolve("runs").resolve(ids.get(i)))) continue;
            todo.add(i);
        }
        if (only != null && !ids.contains(only)) throw new UserException("--only: no run '" + only + "' in this sweep");
        log.printf("sweep %s: %d runs, %d finished, %d to do%n", spec.name, configs.size(), configs.size() - countUnfinished(spec, out, ids), todo.size());
        if (workers <= 1 || todo.size() <= 1) {
            int k = 0;
            for (int i : todo) {
                log.printf("[%d/%d] %s%n", ++k, todo.size(), ids.get(i));
                runOne(spec, configs.get(i), out.resolve("runs").resolve(ids.get(i)), AnalysisProgress.BARS);
            }
        } else {
            runInChildren(specFile, out, todo.stream().map(ids::get).toList(), workers, log);
        }
        List<SweepTable.Row> rows = SweepTable.collect(out, ids);
        SweepTable.writeRunsCsv(out.resolve("runs.csv"), rows);
        Json.writeFile(out.resolve("correlations.json"), SweepTable.correlations(rows, spec.seed));
        return rows;
    }

    private static int countUnfinished(SweepSpec spec, Path out, List<String> ids) {
        return (int) ids.stream().filter(id -> !finished(spec, out.resolve("runs").resolve(id))).count();
    }

    /** Trains and analyses one run into {@code dir}, starting clean. */
    public static void runOne(SweepSpec spec, TrainConfig cfg, Path dir, AnalysisProgress progress) {
        deleteTree(dir);
        try (LoadedRun run = Runs.train(cfg, dir, new TrainingListener() {})) {
            Analyzer.analyze(run, spec.analysisConfig("zero", false), dir.resolve("analysis"), progress);
            for (String mode : spec.analysis.extraModes) {
                Analyzer.analyze(run, spec.analysisConfig(mode, false), dir.resolve("analysis-" + mode), progress);
            }
        }
        if (spec.analysis.dynamics) Dynamics.run(dir, cfg.dataDir() == null ? null : Path.of(cfg.dataDir()), spec.analysisConfig("zero", true), progress);
    }

    static boolean finished(SweepSpec spec, Path dir) {
        if (!Files.isRegularFile(dir.resolve("run.json")) || !Files.isRegularFile(dir.resolve("analysis/summary.json"))) return false;
        for (String mode : spec.analysis.extraModes) {
            if (!Files.isRegularFile(dir.resolve("analysis-" + mode).resolve("summary.json"))) return false;
        }
        return !spec.analysis.dynamics || Files.isRegularFile(dir.resolve("dynamics/dynamics.json"));
    }

    private static void prepare(SweepSpec spec, Path out) {
        try {
            Files.createDirectories(out.resolve("runs"));
        } catch (IOException e) {
            throw new UserException("--out " + out + ": cannot create directory (" + e.getMessage() + ")");
        }
        Path saved = out.resolve("spec.json");
        com.fasterxml.jackson.databind.JsonNode spec0;
        try { // through text, so numbers compare as they will be read back
            spec0 = Json.MAPPER.readTree(Json.write(Json.MAPPER.valueToTree(spec)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isRegularFile(saved)) {
            if (!withoutDataDir(Json.readFile(saved)).equals(withoutDataDir(spec0))) {
                throw new UserException("--out " + out + ": holds a different sweep (spec.json differs); use another folder");
            }
        } else {
            Json.writeFile(saved, spec0);
        }
    }

    /** Where the data lives may change between machines or resumes; what is computed may not. */
    private static com.fasterxml.jackson.databind.JsonNode withoutDataDir(com.fasterxml.jackson.databind.JsonNode spec) {
        var copy = spec.deepCopy();
        if (copy instanceof com.fasterxml.jackson.databind.node.ObjectNode o) o.remove("dataDir");
        return copy;
    }

    /** Each run in its own JVM running {@code reliance sweep SPEC --out DIR --only ID}, {@code workers} at a time. */
    private static void runInChildren(Path specFile, Path out, List<String> ids, int workers, PrintStream log) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> futures = new ArrayList<>();
        for (String id : ids) {
            futures.add(pool.submit(() -> {
                Path logFile = out.resolve("logs").resolve(id + ".log");
                Files.createDirectories(logFile.getParent());
                List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--add-modules", "jdk.incubator.vector", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                        "dev.reliance.cli.Main", "sweep", specFile.toString(), "--out", out.toString(), "--only", id, "--workers", "1",
                        "--threads", Integer.toString(threads)));
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile());
                pb.environment().put("OPT_OUT_TRACKING", "true");
                int code = pb.start().waitFor();
                synchronized (log) {
                    log.printf("%s %s (log: %s)%n", code == 0 ? "done" : "FAILED", id, logFile);
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) f.get();
        } catch (Exception e) {
            throw new IllegalStateException("sweep worker failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UserException(dir + ": cannot remove half-finished run (" + e.getMessage() + ")");
        }
    }
}
