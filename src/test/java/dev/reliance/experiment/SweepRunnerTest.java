package dev.reliance.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reliance.run.SyntheticData;
import dev.reliance.util.Json;
import dev.reliance.util.UserException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {
    @TempDir
    Path tmp;

    Path spec(String extra) throws Exception {
        Path data = SyntheticData.write(tmp.resolve("data"), 160, 80, 2);
        return Files.writeString(tmp.resolve("spec.yaml"), String.join("\n",
                "name: tiny",
                "dataset: mnist",
                "data_dir: " + data,
                "model: mlp:12,8",
                "optimizer: adam",
                "learning_rate: 0.01",
                "batch_size: 32",
                "epochs: 3",
                extra,
                "grid:",
                "  corruption: [0.0, 1.0]",
                "analysis:",
                "  orderings: 2",
                "  noise_points: 4",
                "  noise_repeats: 2",
                "  extra_modes: [mean]",
                ""));
    }

    static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }

    @Test
    void sweepRunsEveryGridPointResumesAndRedoesHalfFinishedRuns() throws Exception {
        Path specFile = spec("checkpoint_every: 1");
        Path out = tmp.resolve("sweep");
        SweepSpec spec = SweepSpec.read(specFile);
        List<SweepTable.Row> rows = SweepRunner.run(spec, specFile, out, 1, SweepRunner.Shard.ALL, null, quiet());
        assertEquals(2, rows.size());
        List<String> csv = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(0).startsWith("id,dataset,model,batch_norm,dropout,corruption,seed,"));
        JsonNode corr = Json.readFile(out.resolve("correlations.json"));
        assertEquals(2, corr.get("ablation_auc_vs_generalization_error").get("n").asInt());
        for (String id : List.of("corrupt0.0", "corrupt1.0")) {
            assertTrue(Files.exists(out.resolve("runs/" + id + "/analysis-mean/summary.json")), id);
        }
        // the run with corrupted labels generalises worse
        assertTrue(rows.get(1).fin("generalization_error") > rows.get(0).fin("generalization_error"));

        // resume: nothing to redo, nothing retrained
        long stamp = Files.getLastModifiedTime(out.resolve("runs/corrupt0.0/run.json")).toMillis();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SweepRunner.run(spec, specFile, out, 1, SweepRunner.Shard.ALL, null, new PrintStream(log));
        assertTrue(log.toString().contains("0 to do"), log.toString());
        assertEquals(stamp, Files.getLastModifiedTime(out.resolve("runs/corrupt0.0/run.json")).toMillis());

        // a half-finished run (analysis missing) is removed and redone cleanly
        Files.delete(out.resolve("runs/corrupt1.0/analysis/summary.json"));
        Files.writeString(out.resolve("runs/corrupt1.0/stray.tmp"), "junk");
        rows = SweepRunner.run(spec, specFile, out, 1, SweepRunner.Shard.ALL, null, quiet());
        assertEquals(2, rows.size());
        assertTrue(Files.exists(out.resolve("runs/corrupt1.0/analysis/summary.json")));
        assertFalse(Files.exists(out.resolve("runs/corrupt1.0/stray.tmp")));

        // a different spec into the same folder is refused
        SweepSpec other = SweepSpec.read(specFile);
        other.epochs = 4;
        assertThrows(UserException.class, () -> SweepRunner.run(other, specFile, out, 1, SweepRunner.Shard.ALL, null, quiet()));
    }

    @Test
    void shardsSplitTheGridAndDynamicsAnalyseEveryCheckpoint() throws Exception {
        Path specFile = spec("checkpoint_every: 1");
        SweepSpec spec = SweepSpec.read(specFile);
        Path out = tmp.resolve("sharded");
        assertEquals(1, SweepRunner.run(spec, specFile, out, 1, new SweepRunner.Shard(1, 2), null, quiet()).size());
        assertTrue(Files.exists(out.resolve("runs/corrupt1.0/run.json")));
        assertFalse(Files.exists(out.resolve("runs/corrupt0.0")));

        AnalysisConfig d = AnalysisConfig.defaults();
        AnalysisConfig cfg = new AnalysisConfig("zero", 1, new int[0], 3, 2, 5, "train", 0, false, 4, Double.NaN, Double.NaN, 2, false,
                false, 8, d.miBinning(), 1, 1);
        JsonNode j = Dynamics.run(out.resolve("runs/corrupt1.0"), null, cfg, AnalysisProgress.SILENT);
        assertEquals(4, j.get("checkpoints").asInt(), "epochs 0..3");
        List<String> dyn = Files.readAllLines(out.resolve("runs/corrupt1.0/dynamics/dynamics.csv"));
        assertEquals(5, dyn.size());
        assertTrue(dyn.get(0).startsWith("epoch,train_loss,train_accuracy,test_loss,test_accuracy,ablation_auc"));
        assertTrue(j.get("spearman_auc_vs_test_loss").has("spearman"));
    }

    @Test
    void badSpecsGetOneLineErrors() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "name: x\nepochz: 3\n");
        UserException e = assertThrows(UserException.class, () -> SweepSpec.read(bad));
        assertTrue(e.getMessage().contains("bad.yaml") && !e.getMessage().contains("\n"), e.getMessage());
        Path badValue = Files.writeString(tmp.resolve("bad2.yaml"), "grid:\n  corruption: [0.5, 2.0]\n");
        assertTrue(assertThrows(UserException.class, () -> SweepSpec.read(badValue)).getMessage().contains("--corruption"));
        assertThrows(UserException.class, () -> SweepSpec.read(tmp.resolve("missing.yaml")));
        for (String preset : List.of("demo", "paper-mnist-mlp", "paper-cifar-cnn")) {
            assertTrue(SweepSpec.preset(preset) != null, preset);
        }
        for (Path example : Files.list(Path.of("examples")).toList()) {
            assertFalse(SweepSpec.read(example).expand().isEmpty(), example.toString());
        }
    }
}
