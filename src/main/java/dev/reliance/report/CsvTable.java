package dev.reliance.report;

import dev.reliance.util.UserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file read for the report: a header line, then rows addressed by column name. Fields may be
 * quoted ("a,b", "" for a quote). Numbers use '.'; an empty cell reads as NaN (undefined). Unknown
 * columns are kept but never required. Malformed input is a one-line {@link UserException} naming
 * the file and line.
 */
final class CsvTable {
    private final Path file;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    private CsvTable(Path file) {
        this.file = file;
    }

    static CsvTable read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read (" + e.getMessage() + ")");
        }
        CsvTable t = new CsvTable(file);
        int start = 0;
        while (start < lines.size() && lines.get(start).isBlank()) {
            start++;
        }
        if (start == lines.size()) {
            throw new UserException(file + ": empty CSV file (no header line)");
        }
        String[] header = split(lines.get(start), file, start + 1);
        for (int i = 0; i < header.length; i++) {
            t.columns.putIfAbsent(header[i].strip().replace("\uFEFF", ""), i);
        }
        for (int i = start + 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                t.rows.add(split(lines.get(i), file, i + 1));
            }
        }
        return t;
    }

    Path file() {
        return file;
    }

    int size() {
        return rows.size();
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The raw text of a cell; "" when the column or cell is absent. */
    String text(int row, String column) {
        Integer c = columns.get(column);
        String[] r = rows.get(row);
        return c == null || c >= r.length ? "" : r[c].strip();
    }

    /** A cell as a number: NaN when the column is absent or the cell empty ("nan" too). */
    double num(int row, String column) {
        String s = text(row, column);
        if (s.isEmpty() || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("n/a")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new UserException(file + ": line " + (row + 2) + ", column " + column + ": not a number: '" + s + "'");
        }
    }

    /** A whole column as numbers. */
    double[] column(String column) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = num(i, column);
        }
        return out;
    }

    /** A true/false cell (also 1/0, yes/no); null when empty or absent. */
    Boolean bool(int row, String column) {
        String s = text(row, column).toLowerCase(Locale.ROOT);
        return switch (s) {
            case "" -> null;
            case "true", "1", "yes", "on" -> Boolean.TRUE;
            case "false", "0", "no", "off" -> Boolean.FALSE;
            default -> throw new UserException(file + ": line " + (row + 2) + ", column " + column
                    + ": not true/false: '" + s + "'");
        };
    }

    /** Requires the named columns; one-line error listing the first missing one. */
    CsvTable require(String... names) {
        for (String n : names) {
            if (!columns.containsKey(n)) {
                throw new UserException(file + ": missing column '" + n + "'");
            }
        }
        return this;
    }

    private static String[] split(String line, Path file, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
            i++;
        }
        if (quoted) {
            throw new UserException(file + ": line " + lineNo + ": unterminated quoted field");
        }
        out.add(cur.toString());
        return out.toArray(new String[0]);
    }
}
