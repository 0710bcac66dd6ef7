package dev.reliance.cli;

import dev.reliance.report.ReportBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write DIR/report.html, one self-contained page with every figure (inline SVG, no network), "
                + "and each figure as DIR/figures/figN-NAME.svg. DIR is a sweep directory (runs.csv) or a run "
                + "directory (run.json); figures appear where their data exist.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "A sweep directory or a run directory.")
    Path dir;

    @Override
    public Integer call() {
        Path html = ReportBuilder.write(dir);
        System.out.println(html);
        return 0;
    }
}
