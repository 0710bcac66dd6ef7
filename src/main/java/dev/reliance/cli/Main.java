package dev.reliance.cli;

import dev.reliance.util.Engines;
import dev.reliance.util.UserException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: a thin shell over the library API. */
@Command(name = "reliance", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Measures how much trained networks rely on single directions, and how that predicts generalization.",
        subcommands = {DemoCommand.class, TrainCommand.class, AnalyzeCommand.class, SweepCommand.class, ReportCommand.class, ImportCommand.class, DynamicsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        Engines.offline(); // before anything can touch DJL: no calls home
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (tests call this). */
    public static int run(String... args) {
        Engines.offline();
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserException || e instanceof UncheckedIOException) {
                cmd.getErr().println("error: " + oneLine(e.getMessage()));
                return 2;
            }
            throw e;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("error: " + oneLine(e.getMessage()));
            e.getCommandLine().getErr().println("try: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return 2;
        });
        return cl.execute(args);
    }

    static String oneLine(String s) {
        return s == null ? "unknown error" : s.replace('\n', ' ').trim();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
