package dev.reliance.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A table for {@link HtmlReport}: a header and rows of cells. Cells may be any object: floating
 * point numbers print with {@code digits} significant digits (NaN as "n/a", because it marks an
 * undefined value such as selectivity of a unit with negative activations), integers in full,
 * null as an empty cell, anything else by {@code toString()}.
 */
public record Table(String caption, List<String> header, List<List<Object>> rows, int digits) {
    public static final int DEFAULT_DIGITS = 4;

    public Table {
        caption = Arrays2.text(caption);
        header = List.copyOf(header);
        List<List<Object>> copy = new ArrayList<>();
        for (List<?> row : rows) {
            if (!header.isEmpty() && row.size() > header.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
            }
            copy.add(Collections.unmodifiableList(new ArrayList<Object>(row))); // cells may be null
        }
        rows = Collections.unmodifiableList(copy);
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be in 1..17, got " + digits);
        }
    }

    public Table(String caption, List<String> header, List<List<Object>> rows) {
        this(caption, header, rows, DEFAULT_DIGITS);
    }

    public static Builder builder(String caption, String... header) {
        return new Builder(caption, List.of(header));
    }

    /** Formats one cell as text (not yet escaped). */
    public String format(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double || cell instanceof Float) {
            return Num.sig(((Number) cell).doubleValue(), digits);
        }
        if (cell instanceof BigDecimal b) {
            return Num.sig(b.doubleValue(), digits);
        }
        return cell.toString();
    }

    static boolean isNumeric(Object cell) {
        return cell instanceof Number;
    }

    /** Collects rows one at a time. */
    public static final class Builder {
        private final String caption;
        private final List<String> header;
        private final List<List<Object>> rows = new ArrayList<>();
        private int digits = DEFAULT_DIGITS;

        private Builder(String caption, List<String> header) {
            this.caption = caption;
            this.header = header;
        }

        public Builder row(Object... cells) {
            rows.add(Arrays.asList(cells.clone()));
            return this;
        }

        public Builder digits(int digits) {
            this.digits = digits;
            return this;
        }

        public Table build() {
            return new Table(caption, header, rows, digits);
        }
    }
}
