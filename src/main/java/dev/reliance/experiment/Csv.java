package dev.reliance.experiment;

import dev.reliance.util.AtomicFiles;
import java.nio.file.Path;

/** A small CSV builder: numbers in full (round-trip) precision, NaN as an empty cell; written atomically. */
public final class Csv {
    private final StringBuilder sb = new StringBuilder();

    public Csv(String header) {
        sb.append(header).append('\n');
    }

    public Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(format(cells[i]));
        }
        sb.append('\n');
        return this;
    }

    static String format(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return d.isNaN() ? "" : Double.toString(d); // shortest exact round-trip form
        if (v instanceof Float f) return f.isNaN() ? "" : Float.toString(f);
        String s = v.toString();
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    public void write(Path file) {
        AtomicFiles.writeString(file, sb.toString());
    }
}
