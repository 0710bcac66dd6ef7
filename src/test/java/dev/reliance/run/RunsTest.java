package dev.reliance.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reliance.data.IdxReader;
import dev.reliance.model.Inference;
import dev.reliance.model.ModelWeights;
import dev.reliance.model.Safetensors;
import dev.reliance.model.Tensor;
import dev.reliance.train.EpochMetrics;
import dev.reliance.train.Evaluation;
import dev.reliance.train.TrainConfig;
import dev.reliance.train.TrainingListener;
import dev.reliance.util.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsTest {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() {
        data = SyntheticData.write(tmp.resolve("data"), 400, 200, 3);
    }

    static TrainConfig config(String model, double corruption, int epochs) {
        return new TrainConfig("mnist", data.toString(), 0, 0, corruption, model, false, 0.0, "sgd", 0.05, 0.9, 32, epochs, 0.0,
                7L, 0, 0.0, 0);
    }

    @Test
    void mlpLearnsTheSyntheticTaskAndTheRunReloadsExactly() {
        Path out = tmp.resolve("mlp");
        double testAccuracy;
        try (LoadedRun run = Runs.train(config("mlp:32,32", 0.0, 8).withSeed(7), out, new TrainingListener() {})) {
            JsonNode f = run.record().get("final");
            assertTrue(f.get("train_accuracy").asDouble() > 0.95, "train accuracy " + f);
            assertTrue(f.get("test_accuracy").asDouble() > 0.9, "test accuracy " + f);
            assertEquals(f.get("train_accuracy").asDouble() - f.get("test_accuracy").asDouble(),
                    f.get("generalization_error").asDouble(), 1e-12);
            testAccuracy = f.get("test_accuracy").asDouble();
        }
        for (String name : List.of("run.json", "metrics.csv", "model.safetensors", "train-labels-idx1-ubyte")) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name);
        }
        List<EpochMetrics> history = MetricsCsv.read(out.resolve("metrics.csv"));
        assertEquals(8, history.size());
        try (LoadedRun loaded = Runs.load(out, null)) {
            Evaluation e = Inference.evaluate(loaded.network(), loaded.model().getNDManager(), loaded.data().test());
            assertEquals(testAccuracy, e.accuracy(), 0.0, "reloaded run must reproduce its test accuracy exactly");
            assertEquals(history.get(7).testLoss(), e.loss(), 1e-6);
        }
    }

    @Test
    void cnnLearnsTheSyntheticTask() {
        TrainConfig cfg = new TrainConfig("mnist", data.toString(), 0, 0, 0.0, "cnn:8,16/2", true, 0.0, "adam", 0.01, 0.9, 32, 8,
                0.0, 5L, 0, 0.0, 0);
        try (LoadedRun run = Runs.train(cfg, tmp.resolve("cnn"), new TrainingListener() {})) {
            assertTrue(run.record().get("final").get("test_accuracy").asDouble() > 0.9, run.record().get("final").toString());
        }
    }

    @Test
    void sameSeedSameNumbersAndWeights() {
        TrainConfig cfg = new TrainConfig("mnist", data.toString(), 300, 100, 0.4, "mlp:16", false, 0.2, "sgd", 0.05, 0.9, 32, 3,
                1e-4, 11L, 0, 0.0, 0);
        try (LoadedRun a = Runs.train(cfg, tmp.resolve("det-a"), new TrainingListener() {});
                LoadedRun b = Runs.train(cfg, tmp.resolve("det-b"), new TrainingListener() {})) {
            List<EpochMetrics> ma = MetricsCsv.read(tmp.resolve("det-a/metrics.csv"));
            List<EpochMetrics> mb = MetricsCsv.read(tmp.resolve("det-b/metrics.csv"));
            for (int i = 0; i < ma.size(); i++) {
                assertEquals(ma.get(i).trainLoss(), mb.get(i).trainLoss(), 1e-5);
                assertEquals(ma.get(i).testAccuracy(), mb.get(i).testAccuracy(), 1e-5);
            }
            Map<String, Tensor> wa = ModelWeights.export(a.network());
            Map<String, Tensor> wb = ModelWeights.export(b.network());
            for (String k : wa.keySet()) {
                float[] x = wa.get(k).data();
                float[] y = wb.get(k).data();
                for (int i = 0; i < x.length; i++) assertEquals(x[i], y[i], 1e-5, k);
            }
            assertArrayEquals(IdxReader.readLabels(tmp.resolve("det-a/train-labels-idx1-ubyte"), 10),
                    IdxReader.readLabels(tmp.resolve("det-b/train-labels-idx1-ubyte"), 10));
        }
        try (LoadedRun c = Runs.train(cfg.withSeed(12), tmp.resolve("det-c"), new TrainingListener() {})) {
            assertFalse(java.util.Arrays.equals(IdxReader.readLabels(tmp.resolve("det-a/train-labels-idx1-ubyte"), 10),
                    IdxReader.readLabels(tmp.resolve("det-c/train-labels-idx1-ubyte"), 10)), "another seed corrupts other labels");
        }
    }

    @Test
    void storedLabelsAreTheCorruptedOnesWithTheSameHistogram() {
        TrainConfig cfg = config("mlp:8", 1.0, 1);
        try (LoadedRun run = Runs.train(cfg, tmp.resolve("corrupt"), new TrainingListener() {})) {
            int[] stored = IdxReader.readLabels(tmp.resolve("corrupt/train-labels-idx1-ubyte"), 10);
            int[] clean = RunData.cleanSplits(cfg).train().labels();
            assertArrayEquals(stored, run.data().train().labels());
            int changed = 0;
            int[] h1 = new int[10];
            int[] h2 = new int[10];
            for (int i = 0; i < clean.length; i++) {
                if (clean[i] != stored[i]) changed++;
                h1[clean[i]]++;
                h2[stored[i]]++;
            }
            assertArrayEquals(h1, h2);
            assertTrue(changed > clean.length / 2, "f = 1 with 4 classes changes about 3/4 of labels, got " + changed);
        }
    }

    @Test
    void checkpointsAndEarlyStop() {
        TrainConfig cfg = new TrainConfig("mnist", data.toString(), 0, 0, 0.0, "mlp:32", false, 0.0, "sgd", 0.05, 0.9, 32, 50, 0.0,
                3L, 2, 0.9, 0);
        Path out = tmp.resolve("ckpt");
        try (LoadedRun run = Runs.train(cfg, out, new TrainingListener() {})) {
            int epochs = run.record().get("epochs_trained").asInt();
            assertTrue(epochs < 50, "stops once train accuracy reaches 0.9");
            assertTrue(run.record().get("final").get("train_accuracy").asDouble() >= 0.9);
            assertTrue(Files.exists(out.resolve("checkpoints/epoch-0000.safetensors")));
            assertTrue(Files.exists(out.resolve("checkpoints/epoch-" + String.format("%04d", epochs) + ".safetensors")));
        }
        try (LoadedRun first = Runs.load(out, null, out.resolve("checkpoints/epoch-0000.safetensors"))) {
            assertTrue(Inference.evaluate(first.network(), first.model().getNDManager(), first.data().test()).accuracy() < 0.9,
                    "the initial checkpoint is untrained");
        }
    }

    @Test
    void importedWeightsReproduceTheRunAndAreReadableByAnIndependentReader() throws Exception {
        Path out = tmp.resolve("to-import");
        TrainConfig cfg = config("mlp:16,8", 0.0, 2);
        double testAccuracy;
        try (LoadedRun run = Runs.train(cfg, out, new TrainingListener() {})) {
            testAccuracy = run.record().get("final").get("test_accuracy").asDouble();
        }
        try (LoadedRun imported = Runs.importWeights(cfg, out.resolve("model.safetensors"), tmp.resolve("imported"))) {
            assertEquals(testAccuracy, imported.record().get("final").get("test_accuracy").asDouble(), 0.0);
        }
        UserException wrong = assertThrows(UserException.class,
                () -> Runs.importWeights(config("mlp:16,9", 0.0, 2), out.resolve("model.safetensors"), tmp.resolve("wrong")));
        assertTrue(wrong.getMessage().contains("hidden.1.weight"), wrong.getMessage());
        // an independent reader (Python's json + numpy, not our code) sees the same tensors
        Path py = Path.of("/usr/bin/python3");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(py)
                && new ProcessBuilder(py.toString(), "-c", "import numpy").start().waitFor() == 0, "python3 with numpy");
        String script = "import json,struct,sys,numpy as np\n"
                + "b=open(sys.argv[1],'rb').read(); n=struct.unpack('<Q',b[:8])[0]; h=json.loads(b[8:8+n])\n"
                + "for k,v in h.items():\n"
                + "  if k=='__metadata__': continue\n"
                + "  s,e=v['data_offsets']; a=np.frombuffer(b[8+n+s:8+n+e],dtype='<f4').reshape(v['shape'])\n"
                + "  print(k, v['dtype'], 'x'.join(map(str,a.shape)), repr(float(a.astype(np.float64).sum())))\n";
        Process p = new ProcessBuilder(py.toString(), "-c", script, out.resolve("model.safetensors").toString()).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertEquals(0, p.waitFor(), String.join("\n", lines));
        Map<String, Tensor> ours = Safetensors.read(out.resolve("model.safetensors")).tensors();
        assertEquals(ours.size(), lines.size());
        for (String line : lines) {
            String[] f = line.split(" ");
            Tensor t = ours.get(f[0]);
            assertEquals("F32", f[1]);
            assertEquals(java.util.Arrays.stream(t.shape()).mapToObj(Long::toString).collect(java.util.stream.Collectors.joining("x")), f[2]);
            double sum = 0;
            for (float v : t.data()) sum += v;
            assertEquals(sum, Double.parseDouble(f[3]), 1e-6 * Math.max(1, Math.abs(sum)));
        }
    }

    @Test
    void badRunDirectoriesGetOneLineErrors() throws Exception {
        UserException missing = assertThrows(UserException.class, () -> Runs.load(tmp.resolve("nope"), null));
        assertTrue(missing.getMessage().contains("nope"));
        Path half = Files.createDirectories(tmp.resolve("half"));
        assertTrue(assertThrows(UserException.class, () -> Runs.load(half, null)).getMessage().contains("not a finished run"));
        Path blocked = Files.writeString(tmp.resolve("file"), "x");
        UserException e = assertThrows(UserException.class, () -> Runs.train(config("mlp:4", 0, 1), blocked.resolve("sub"), new TrainingListener() {}));
        assertTrue(e.getMessage().startsWith("--out"), e.getMessage());
    }

    @Test
    void safetensorsRoundTripAndHostileFiles() throws Exception {
        Path f = tmp.resolve("t.safetensors");
        Map<String, Tensor> t = new java.util.LinkedHashMap<>();
        t.put("a", new Tensor(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6}));
        t.put("b", new Tensor(new long[] {1}, new float[] {0.5f}));
        Safetensors.write(f, t, Map.of("model", "mlp:3"));
        Safetensors.Contents c = Safetensors.read(f);
        assertArrayEquals(t.get("a").data(), c.tensors().get("a").data());
        assertArrayEquals(new long[] {2, 3}, c.tensors().get("a").shape());
        assertEquals("mlp:3", c.metadata().get("model"));
        byte[] bytes = Files.readAllBytes(f);
        Path truncated = tmp.resolve("trunc.safetensors");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertOneLine(assertThrows(UserException.class, () -> Safetensors.read(truncated)), "trunc.safetensors");
        Path huge = tmp.resolve("huge.safetensors");
        byte[] h = bytes.clone();
        h[7] = 0x7f; // header length ~ 9e18
        Files.write(huge, h);
        assertOneLine(assertThrows(UserException.class, () -> Safetensors.read(huge)), "huge.safetensors");
        Path garbage = Files.writeString(tmp.resolve("garbage.safetensors"), "hello world, not a tensor file");
        assertOneLine(assertThrows(UserException.class, () -> Safetensors.read(garbage)), "garbage.safetensors");
    }

    static void assertOneLine(UserException e, String name) {
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
