package dev.reliance.report;

import java.util.Locale;

/**
 * Colour schemes that stay readable for colour-blind readers.
 * CATEGORICAL: Okabe-Ito, for unordered groups. SEQUENTIAL: viridis, for an ordered family such
 * as corruption fractions 0..1, so that "more" reads as "further along the colour map".
 */
public enum Palette {
    CATEGORICAL,
    SEQUENTIAL;

    // Okabe-Ito, reordered so the weak-contrast yellow comes last.
    private static final String[] OKABE_ITO = {
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"
    };

    // Viridis at t = 0, 1/9, ..., 1.
    private static final int[] VIRIDIS = {
        0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6ECE58, 0xB5DE2B, 0xFDE725
    };

    // Viridis' last tenth is too pale on white: stop before it.
    private static final double SEQUENTIAL_END = 0.88;

    /** Colour of member {@code index} of {@code count}, as #RRGGBB. */
    public String color(int index, int count) {
        if (this == CATEGORICAL) {
            return OKABE_ITO[Math.floorMod(index, OKABE_ITO.length)];
        }
        double t = count <= 1 ? 0.5 : (double) index / (count - 1);
        return viridis(Math.max(0, Math.min(1, t)) * SEQUENTIAL_END);
    }

    /** A dash pattern for members beyond the first cycle of colours (null: solid), so repeats stay distinct. */
    public String dash(int index) {
        if (this == SEQUENTIAL || index < OKABE_ITO.length) {
            return null;
        }
        return (index / OKABE_ITO.length) % 2 == 1 ? "6 3" : "2 3";
    }

    static String viridis(double t) {
        double pos = t * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(pos));
        double f = pos - i;
        int a = VIRIDIS[i];
        int b = VIRIDIS[i + 1];
        int r = mix(a >> 16, b >> 16, f);
        int g = mix((a >> 8) & 0xFF, (b >> 8) & 0xFF, f);
        int bl = mix(a & 0xFF, b & 0xFF, f);
        return String.format(Locale.ROOT, "#%02X%02X%02X", r, g, bl);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
