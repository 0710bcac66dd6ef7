package dev.reliance.report;

/** One legend row: a swatch matching how the data is drawn, and its label. */
record LegendItem(String label, String color, Kind kind, String dash, boolean band) {
    enum Kind { LINE, POINT, BOX, BAR }

    static LegendItem line(String label, String color, String dash, boolean band) {
        return new LegendItem(label, color, Kind.LINE, dash, band);
    }

    static LegendItem point(String label, String color) {
        return new LegendItem(label, color, Kind.POINT, null, false);
    }

    /** A translucent box, as histograms are drawn. */
    static LegendItem box(String label, String color) {
        return new LegendItem(label, color, Kind.BOX, null, false);
    }

    /** A solid box, as bars are drawn. */
    static LegendItem bar(String label, String color) {
        return new LegendItem(label, color, Kind.BAR, null, false);
    }
}
