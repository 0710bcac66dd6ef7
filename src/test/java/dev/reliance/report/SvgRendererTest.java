package dev.reliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgRendererTest {
    private final SvgRenderer renderer = new SvgRenderer();

    @Test
    void everyChartTypeIsWellFormedStandaloneSvg() {
        for (Chart c : SampleCharts.all()) {
            String svg = renderer.render(c);
            Element root = SvgDoc.parse(svg).root();
            assertEquals("svg", root.getLocalName());
            assertEquals(SvgDoc.NS, root.getNamespaceURI());
            assertEquals("720", root.getAttribute("width"));
            assertEquals("440", root.getAttribute("height"));
            assertEquals("0 0 720 440", root.getAttribute("viewBox"));
            assertFalse(svg.contains("NaN") || svg.contains("Infinity"), c.title());
        }
    }

    @Test
    void onePathPerSeriesAndBandPolygonsOnlyWithSd() {
        LineChart chart = new LineChart("t", "x", "y", List.of(
                new Series("a", new double[] {0, 1, 2}, new double[] {1, 2, 3}, new double[] {0.1, 0.2, 0.1}),
                new Series("b", new double[] {0, 1, 2}, new double[] {3, 2, 1}),
                new Series("c", new double[] {0, 1, 2}, new double[] {2, 2, 2})));
        SvgDoc doc = SvgDoc.parse(renderer.render(chart));
        List<Element> lines = doc.find("path", "mark", "line");
        assertEquals(3, lines.size());
        assertEquals(List.of("a", "b", "c"), lines.stream().map(e -> e.getAttribute("data-series")).toList());
        List<Element> bands = doc.find("polygon", "mark", "band");
        assertEquals(1, bands.size());
        // Upper edge forward, lower edge back: 2 x 3 points.
        assertEquals(6, bands.get(0).getAttribute("points").trim().split("\\s+").length);
        assertEquals(List.of("a", "b", "c"), doc.texts("legend"));
    }

    @Test
    void bandsAreDrawnBeforeLines() {
        String svg = renderer.render(SampleCharts.ablation());
        assertTrue(svg.lastIndexOf("mark band") < svg.indexOf("mark line"));
    }

    @Test
    void logAxisTicksArePowersOfTen() {
        SvgDoc doc = SvgDoc.parse(renderer.render(SampleCharts.noise()));
        List<String> labels = doc.texts("axes");
        // x from 10^-1.5 to 10^1: decades 0.01 .. 10.
        assertTrue(labels.containsAll(List.of("0.01", "0.1", "1", "10")), labels.toString());
        assertFalse(labels.contains("0.001") || labels.contains("100"), labels.toString());
    }

    @Test
    void logAxisSkipsNonPositiveX() {
        LineChart chart = new LineChart("t", "x", "y", List.of(
                new Series("s", new double[] {0, -1, 1, 10, 100}, new double[] {1, 1, 2, 3, 4})), true, null, null);
        SvgDoc doc = SvgDoc.parse(renderer.render(chart));
        String d = doc.find("path", "mark", "line").get(0).getAttribute("d");
        assertEquals(3, d.split("[ML]").length - 1);
    }

    @Test
    void nanMakesGapsInLinesAndBands() {
        double nan = Double.NaN;
        Series s = new Series("s", new double[] {0, 1, 2, 3, 4, 5, 6},
                new double[] {1, 2, nan, 3, 4, 5, nan}, new double[] {0.1, 0.1, 0.1, 0.1, nan, 0.1, 0.1});
        String svg = renderer.render(new LineChart("t", "x", "y", List.of(s)));
        SvgDoc doc = SvgDoc.parse(svg);
        String d = doc.find("path", "mark", "line").get(0).getAttribute("d");
        assertEquals(2, d.chars().filter(ch -> ch == 'M').count(), d);
        assertEquals(1, doc.find("polygon", "band").size()); // only [0,1] has 2 points with finite sd
        assertFalse(svg.contains("NaN"));
    }

    @Test
    void isolatedPointsAreMarkers() {
        double nan = Double.NaN;
        Series s = new Series("s", new double[] {0, 1, 2}, new double[] {1, nan, 3});
        SvgDoc doc = SvgDoc.parse(renderer.render(new LineChart("t", "x", "y", List.of(s))));
        assertTrue(doc.find("path", "line").isEmpty());
        assertEquals(2, doc.find("circle", "mark", "point").size());
    }

    @Test
    void titlesAndLabelsAreEscaped() {
        String title = "a < b && c > \"d\" 'e'";
        LineChart chart = new LineChart(title, "x<1", "y&z",
                List.of(new Series("<script>", new double[] {0, 1}, new double[] {0, 1})));
        String svg = renderer.render(chart);
        assertFalse(svg.contains("<script>"));
        SvgDoc doc = SvgDoc.parse(svg);
        assertEquals(title, doc.find("title").get(0).getTextContent());
        assertEquals(title, doc.find("text", "title").get(0).getTextContent());
        assertEquals(List.of("<script>"), doc.texts("legend"));
        // Control characters would make the XML ill-formed: they are dropped.
        SvgDoc.parse(renderer.render(new LineChart("bell\u0007", "", "", List.of())));
    }

    @Test
    void emptyAndAllNanChartsSayNoData() {
        List<Chart> charts = List.of(
                new LineChart("empty", "x", "y", List.of()),
                new LineChart("nan", "x", "y", List.of(new Series("s", new double[] {Double.NaN}, new double[] {1}))),
                new LineChart("empty log", "x", "y", List.of(new Series("s", new double[0], new double[0])), true,
                        null, null),
                new ScatterChart("s", "x", "y", List.of(new ScatterGroup("g", new double[0], new double[0])), true),
                new Histogram("h", "x", List.of(new Histogram.Sample("a", new double[] {Double.NaN})), 10),
                new BarChart("b", "x", "y", List.of(), List.of()),
                new DualAxisChart("d", "x", "l", "r", List.of(), List.of()));
        for (Chart c : charts) {
            String svg = renderer.render(c);
            SvgDoc doc = SvgDoc.parse(svg);
            assertEquals(1, doc.find("text", "empty").size(), c.title());
            assertFalse(svg.contains("NaN") || svg.contains("Infinity"), c.title());
        }
    }

    @Test
    void constantDataHasAFiniteAxis() {
        List<Chart> charts = List.of(
                new LineChart("c", "x", "y", List.of(new Series("s", new double[] {2, 2, 2}, new double[] {5, 5, 5}))),
                new LineChart("z", "x", "y", List.of(new Series("s", new double[] {0, 1}, new double[] {0, 0}))),
                new LineChart("l", "x", "y", List.of(new Series("s", new double[] {3, 3}, new double[] {1, 2}))
                        , true, null, null),
                new ScatterChart("s", "x", "y",
                        List.of(new ScatterGroup("g", new double[] {1, 1, 1}, new double[] {2, 2, 2})), true),
                new Histogram("h", "x", List.of(new Histogram.Sample("a", new double[] {4, 4, 4})), 5),
                new BarChart("b", "x", "y", List.of("a", "b"), List.of(new BarGroup("g", new double[] {0, 0}))),
                new LineChart("fixed equal", "x", "y", List.of(new Series("s", new double[] {0, 1},
                        new double[] {1, 1})), false, 1.0, 1.0));
        for (Chart c : charts) {
            String svg = renderer.render(c);
            SvgDoc doc = SvgDoc.parse(svg);
            assertFalse(svg.contains("NaN") || svg.contains("Infinity"), c.title() + "\n" + svg);
            assertFalse(doc.texts("axes").isEmpty(), c.title());
        }
    }

    @Test
    void fixedYRangeIsKept() {
        SvgDoc doc = SvgDoc.parse(renderer.render(SampleCharts.ablation()));
        List<String> labels = doc.texts("axes");
        assertTrue(labels.containsAll(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0")), labels.toString());
        assertEquals(6, doc.find("path", "mark", "line").size());
        assertEquals(6, doc.find("polygon", "mark", "band").size());
    }

    @Test
    void sequentialPaletteGivesDistinctOrderedColours() {
        SvgDoc doc = SvgDoc.parse(renderer.render(SampleCharts.ablation()));
        Set<String> colours = new TreeSet<>();
        for (Element e : doc.find("path", "mark", "line")) {
            colours.add(e.getAttribute("stroke"));
        }
        assertEquals(6, colours.size());
        assertEquals("#440154", Palette.SEQUENTIAL.color(0, 6));
        assertNotEquals(Palette.SEQUENTIAL.color(5, 6), "#FDE725"); // pale end is avoided
    }

    @Test
    void outputIsDeterministic() {
        for (Chart c : SampleCharts.all()) {
            assertEquals(renderer.render(c, "fig3"), renderer.render(c, "fig3"));
        }
        assertEquals(renderer.render(SampleCharts.ablation()), new SvgRenderer().render(SampleCharts.ablation()));
    }

    @Test
    void idPrefixNamesTheClipPath() {
        String svg = renderer.render(SampleCharts.noise(), "fig2");
        assertTrue(svg.contains("id=\"fig2-clip\""));
        assertTrue(svg.contains("clip-path=\"url(#fig2-clip)\""));
        assertTrue(renderer.render(SampleCharts.noise(), "2 bad\"id").contains("id=\"c2-bad-id-clip\""));
    }

    @Test
    void dualAxisDrawsBothAxesAndDashesRightSeries() {
        SvgDoc doc = SvgDoc.parse(renderer.render(SampleCharts.dynamics()));
        List<Element> lines = doc.find("path", "mark", "line");
        assertEquals(3, lines.size());
        assertEquals("", lines.get(0).getAttribute("stroke-dasharray"));
        assertFalse(lines.get(1).getAttribute("stroke-dasharray").isEmpty());
        assertEquals(List.of("AUC (left)", "train loss (right)", "test loss (right)"), doc.texts("legend"));
        List<String> axisTexts = doc.texts("axes");
        assertTrue(axisTexts.contains("ablation AUC") && axisTexts.contains("loss"));
    }

    @Test
    void scatterDrawsPointsLabelsAndFit() {
        SvgDoc doc = SvgDoc.parse(renderer.render(SampleCharts.auCvsAccuracy()));
        assertEquals(16, doc.find("circle", "mark", "point").size());
        assertEquals(1, doc.find("path", "mark", "fit").size());
        assertEquals(List.of("net 0", "net 1"), doc.texts("point-labels"));
        assertTrue(doc.texts("legend").get(2).startsWith("least-squares fit, r = 0."));
    }

    @Test
    void leastSquaresFitIsExact() {
        ScatterPainter.Fit fit = ScatterPainter.Fit.of(List.of(
                new ScatterGroup("g", new double[] {0, 1, 2, Double.NaN}, new double[] {1, 3, 5, 100})));
        assertEquals(1, fit.a(), 1e-12);
        assertEquals(2, fit.b(), 1e-12);
        assertEquals(1, fit.r(), 1e-12);
        assertEquals(null, ScatterPainter.Fit.of(List.of(new ScatterGroup("g", new double[] {1, 1},
                new double[] {1, 2}))));
    }

    @Test
    void histogramHasOneFilledPathPerSample() {
        SvgDoc doc = SvgDoc.parse(renderer.render(SampleCharts.selectivity()));
        List<Element> hist = doc.find("path", "mark", "hist");
        assertEquals(2, hist.size());
        assertEquals("0.35", hist.get(0).getAttribute("fill-opacity"));
        assertTrue(doc.texts("axes").contains("fraction of sample"));
    }

    @Test
    void barChartDrawsOneRectPerFiniteValueAndErrorBars() {
        SvgDoc doc = SvgDoc.parse(renderer.render(SampleCharts.dropout()));
        assertEquals(7, doc.find("rect", "mark", "bar").size()); // one NaN value has no bar
        assertEquals(1, doc.find("path", "mark", "errorbar").size());
        assertTrue(doc.texts("axes").containsAll(List.of("0", "0.1", "0.2", "0.3", "dropout fraction")));
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Series("s", new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> new Series("s", new double[2], new double[2], new double[1]));
        assertThrows(IllegalArgumentException.class, () -> new BarChart("b", "", "", List.of("a"),
                List.of(new BarGroup("g", new double[2]))));
        assertThrows(IllegalArgumentException.class, () -> new Histogram("h", "", List.of(), 0));
    }

    @Test
    void longLegendsAndTitlesAreShortened() {
        String longName = "x".repeat(300);
        LineChart chart = new LineChart(longName, "x", "y",
                List.of(new Series(longName, new double[] {0, 1}, new double[] {0, 1})));
        SvgDoc doc = SvgDoc.parse(renderer.render(chart));
        assertTrue(doc.texts("legend").get(0).endsWith("…"));
        String shown = doc.find("text", "title").get(0).getTextContent();
        assertTrue(shown.endsWith("…") && shown.length() < 150, shown);
        assertEquals(longName, doc.find("title").get(0).getTextContent()); // full text stays accessible
    }
}
