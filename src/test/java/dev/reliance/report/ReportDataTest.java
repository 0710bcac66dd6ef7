package dev.reliance.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reliance.util.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDataTest {
    @Test
    void csvReadsQuotedFieldsEmptyCellsAndBooleans(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "id,model,batch_norm,x,extra\r\nr1,\"mlp:32,32\",true,,z\nr2,\"say \"\"hi\"\"\",False,1.5e-3\n");
        CsvTable t = CsvTable.read(f);
        assertEquals(2, t.size());
        assertEquals("mlp:32,32", t.text(0, "model"));
        assertEquals("say \"hi\"", t.text(1, "model"));
        assertTrue(Double.isNaN(t.num(0, "x")));
        assertEquals(1.5e-3, t.num(1, "x"));
        assertTrue(Double.isNaN(t.num(1, "extra")), "missing trailing cell reads as NaN");
        assertTrue(Double.isNaN(t.num(0, "no_such_column")));
        assertEquals(Boolean.TRUE, t.bool(0, "batch_norm"));
        assertEquals(Boolean.FALSE, t.bool(1, "batch_norm"));
        assertNull(t.bool(0, "no_such_column"));
        UserException e = assertThrows(UserException.class, () -> t.num(0, "id"));
        assertTrue(e.getMessage().contains("t.csv: line 2, column id"), e.getMessage());
    }

    @Test
    void averageOfSeveralCurvesIsPointwiseWithSdAcrossNetworks() {
        ReportData.Curve a = new ReportData.Curve(new double[] {0, 0.5, 1}, new double[] {1, 0.6, 0.1},
                new double[] {0, 0.1, 0});
        ReportData.Curve b = new ReportData.Curve(new double[] {0, 0.5, 1}, new double[] {1, 0.4, 0.1},
                new double[] {0, 0.1, 0});
        Series s = ReportBuilder.average("x", List.of(a, b), false);
        assertArrayEquals(new double[] {1, 0.5, 0.1}, s.y(), 1e-12);
        assertArrayEquals(new double[] {0, Math.sqrt(0.02), 0}, s.sd(), 1e-12);
        // A curve on a coarser grid is interpolated onto the finer one.
        ReportData.Curve c = new ReportData.Curve(new double[] {0, 1}, new double[] {1, 0.2}, null);
        Series m = ReportBuilder.average("y", List.of(a, c), false);
        assertArrayEquals(new double[] {0, 0.5, 1}, m.x(), 0);
        assertArrayEquals(new double[] {1, 0.6, 0.15}, m.y(), 1e-12);
        // One network: its own SD over orderings.
        assertArrayEquals(a.sd(), ReportBuilder.average("z", List.of(a), false).sd(), 0);
    }
}
