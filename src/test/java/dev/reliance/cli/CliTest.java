package dev.reliance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reliance.run.SyntheticData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {
    @TempDir
    Path tmp;

    record Outcome(int code, String out, String err) {}

    static Outcome run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void helpListsTheCommands() {
        Outcome o = run("--help");
        assertEquals(0, o.code());
        for (String c : new String[] {"train", "analyze"}) assertTrue(o.out().contains(c), o.out());
        assertEquals(0, run("train", "--help").code());
        assertEquals(0, run("analyze", "--help").code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--corruption 1.5|--corruption",
        "--corruption -0.1|--corruption",
        "--epochs 0|--epochs",
        "--dataset imagenet|imagenet",
        "--model transformer:3|--model",
        "--model mlp:0|--model",
        "--dropout 1|--dropout",
        "--lr -1|--lr",
        "--batch-size 0|--batch-size",
        "--optimizer rmsprop|--optimizer",
        "--epochs many|--epochs",
    })
    void badTrainOptionsGetOneLineErrors(String args, String mentions) {
        String[] extra = args.split(" ");
        String[] all = new String[extra.length + 3];
        all[0] = "train";
        System.arraycopy(extra, 0, all, 1, extra.length);
        all[extra.length + 1] = "--out";
        all[extra.length + 2] = tmp.resolve("x").toString();
        Outcome o = run(all);
        assertEquals(2, o.code(), o.err());
        String first = o.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("error: ") && first.contains(mentions), o.err());
        assertTrue(!o.err().contains("\tat "), "no stack trace: " + o.err());
    }

    @Test
    void unwritableOutputFolderIsRejected() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        Path data = SyntheticData.write(tmp.resolve("data"), 50, 20, 1);
        Outcome o = run("train", "--dataset", "mnist", "--data", data.toString(), "--model", "mlp:4", "--epochs", "1",
                "--out", file.resolve("run").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: --out"), o.err());
    }

    @Test
    void trainThenAnalyzeFromTheCommandLine() {
        Path data = SyntheticData.write(tmp.resolve("data"), 200, 100, 1);
        Path run = tmp.resolve("run");
        Outcome t = run("train", "--dataset", "mnist", "--data", data.toString(), "--model", "mlp:16,16", "--epochs", "3",
                "--lr", "0.05", "--out", run.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("test accuracy"), t.out());
        Outcome a = run("analyze", run.toString(), "--orderings", "3", "--noise-repeats", "2");
        assertEquals(0, a.code(), a.err());
        assertTrue(Files.exists(run.resolve("analysis/summary.json")));
        Outcome bad = run("analyze", tmp.resolve("missing").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: ") && bad.err().contains("missing"), bad.err());
        Outcome badMode = run("analyze", run.toString(), "--mode", "max");
        assertEquals(2, badMode.code());
        assertTrue(badMode.err().contains("--mode"), badMode.err());
    }
}
