package dev.reliance.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds and reads the files of one data set in one folder. */
public final class DataFolder {
    private DataFolder() {}

    /** Names of required files missing from {@code dir} (IDX files count as present with or without ".gz"). */
    public static List<String> missing(DatasetKind kind, Path dir) {
        List<String> missing = new ArrayList<>();
        if (kind.isIdx()) {
            for (String f : DatasetKind.IDX_FILES) {
                if (idxFile(dir, f) == null) missing.add(f + "[.gz]");
            }
        } else {
            Path d = Cifar10Reader.batchDir(dir);
            for (String f : Cifar10Reader.allFiles()) {
                if (!Files.isRegularFile(d.resolve(f))) missing.add(f);
            }
        }
        return missing;
    }

    public static boolean isComplete(DatasetKind kind, Path dir) {
        return Files.isDirectory(dir) && missing(kind, dir).isEmpty();
    }

    /** Reads train and test splits; call only when {@link #isComplete} holds. */
    public static DataSplits read(DatasetKind kind, Path dir) {
        if (!kind.isIdx()) return Cifar10Reader.read(dir, kind.cliName());
        List<Path> f = new ArrayList<>();
        for (String name : DatasetKind.IDX_FILES) f.add(idxFile(dir, name));
        int k = kind.numClasses();
        return new DataSplits(
                IdxReader.readDataset(kind.cliName(), f.get(0), f.get(1), k),
                IdxReader.readDataset(kind.cliName(), f.get(2), f.get(3), k));
    }

    /** The gzipped file if present, else the raw one, else null. */
    private static Path idxFile(Path dir, String name) {
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) return gz;
        Path raw = dir.resolve(name);
        return Files.isRegularFile(raw) ? raw : null;
    }
}
