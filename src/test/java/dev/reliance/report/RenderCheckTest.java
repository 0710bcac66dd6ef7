package dev.reliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderCheckTest {
    @Test
    void findsDrawnAndUndrawnFigures() {
        String dom = "<html><body>"
                + "<figure class=\"figure\" data-figure=\"fig1\"><svg><path class=\"mark line\" d=\"M1 2L3 4\"></path>"
                + "</svg><figcaption>a</figcaption></figure>"
                + "<figure class=\"figure\" data-figure=\"fig2\"><svg><path class=\"grid\" d=\"M1 2\"></path>"
                + "<path class=\"mark line\" d=\"\"></path><rect class=\"mark bar\" width=\"0\" height=\"3\"></rect>"
                + "</svg></figure>"
                + "<figure class=\"figure\" data-figure=\"fig3\"><p>no chart</p></figure>"
                + "<figure class=\"figure\" data-figure=\"fig4\"><svg><circle class=\"mark point\" cx=\"3\" cy=\"4\" r=\"2\">"
                + "</circle><polygon class=\"band mark\" points=\"1,2 3,4 5,6\"></polygon><rect class=\"marker\" "
                + "width=\"4\" height=\"4\"></rect></svg></figure>"
                + "</body></html>";
        List<RenderCheck.FigureStatus> f = RenderCheck.figures(dom);
        assertEquals(List.of(new RenderCheck.FigureStatus("fig1", true, 1), new RenderCheck.FigureStatus("fig2", true, 0),
                new RenderCheck.FigureStatus("fig3", false, 0), new RenderCheck.FigureStatus("fig4", true, 2)), f);
        assertEquals(List.of("figure 'fig2' has an <svg> without drawn marks", "figure 'fig3' has no <svg>"),
                RenderCheck.problems(dom));
        assertEquals(List.of("no <figure> elements in the page"), RenderCheck.problems("<html></html>"));
    }

    @Test
    void everyRenderedChartHasMarks() {
        for (Chart c : SampleCharts.all()) {
            assertTrue(RenderCheck.countMarks(new SvgRenderer().render(c)) > 0, c.title());
        }
    }

    @Test
    void pixelFractions() {
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                img.setRGB(x, y, 0xFFFFFF);
            }
        }
        assertEquals(0, RenderCheck.nonWhiteFraction(img));
        img.setRGB(0, 0, 0x000000); // black: not white, not coloured
        img.setRGB(1, 0, 0x0072B2); // blue: both
        assertEquals(0.02, RenderCheck.nonWhiteFraction(img), 1e-12);
        assertEquals(0.01, RenderCheck.colouredFraction(img), 1e-12);
    }
}
