package dev.reliance.run;

import dev.reliance.train.EpochMetrics;
import dev.reliance.util.AtomicFiles;
import dev.reliance.util.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** metrics.csv: {@code epoch,train_loss,train_accuracy,test_loss,test_accuracy}, one row per epoch. */
public final class MetricsCsv {
    public static final String HEADER = "epoch,train_loss,train_accuracy,test_loss,test_accuracy";

    private MetricsCsv() {}

    public static void write(Path file, List<EpochMetrics> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (EpochMetrics m : rows) {
            sb.append(String.format(Locale.ROOT, "%d,%.8g,%.8g,%.8g,%.8g%n", m.epoch(), m.trainLoss(),
                    m.trainAccuracy(), m.testLoss(), m.testAccuracy()));
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    public static List<EpochMetrics> read(Path file) {
        List<EpochMetrics> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || !lines.get(0).trim().equals(HEADER)) throw new UserException(file + ": header must be " + HEADER);
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                String[] f = lines.get(i).split(",");
                if (f.length != 5) throw new UserException(file + ": line " + (i + 1) + " does not have 5 fields");
                out.add(new EpochMetrics(Integer.parseInt(f[0].trim()), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            }
        } catch (IOException e) {
            throw new UserException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (NumberFormatException e) {
            throw new UserException(file + ": not a number (" + e.getMessage() + ")");
        }
        return out;
    }
}
