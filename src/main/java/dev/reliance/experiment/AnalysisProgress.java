package dev.reliance.experiment;

import dev.reliance.util.ProgressBar;

/** Progress of the analysis steps; the CLI draws bars, library callers may stay silent. */
public interface AnalysisProgress {
    /** Starts a step of {@code total} work units; returns the sink to report units done. */
    Step step(String name, long total);

    interface Step {
        void done(long units);

        void finish();
    }

    AnalysisProgress SILENT = (name, total) -> new Step() {
        @Override
        public void done(long units) {}

        @Override
        public void finish() {}
    };

    AnalysisProgress BARS = (name, total) -> {
        ProgressBar bar = new ProgressBar(name, total);
        return new Step() {
            @Override
            public void done(long units) {
                bar.update(units, "");
            }

            @Override
            public void finish() {
                bar.finish("");
            }
        };
    };
}
