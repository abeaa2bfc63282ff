package org.importdesk.app.cli;

import org.importdesk.engine.classify.VotingExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Experiments of the MOMO paper. 'voting': Monte Carlo study accuracy of weighted series votes.")
public final class ExperimentCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "voting (the paper's Experiment 2) or benchmark (metadata classification time per study)")
    String name;

    @Option(names = "--studies", defaultValue = "10000", description = "Simulated studies per cell (default: ${DEFAULT-VALUE}).")
    int studies;

    @Option(names = "--format", defaultValue = "tsv", description = "tsv")
    String format;

    @Option(names = "--seed", defaultValue = "20231", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (name.equals("benchmark")) {
            var classifier = new org.importdesk.engine.classify.StudyClassifier(
                    org.importdesk.mapping.defaults.DefaultContent.load());
            var r = org.importdesk.engine.classify.ClassificationBenchmark.run(classifier,
                    org.importdesk.engine.classify.ClassificationBenchmark.studies(studies, seed));
            System.out.printf(Locale.ROOT, "studies\t%d%ntotal_ms\t%.1f%nmean_ms_per_study\t%.4f%np99_ms\t%.4f%n"
                    + "predicted\t%d%n", r.studies(), r.totalMillis(), r.meanMillis(), r.p99Millis(), r.predicted());
            return 0;
        }
        if (!name.equals("voting")) {
            System.err.println("experiment: unknown experiment '" + name + "' (voting, benchmark)");
            return 2;
        }
        if (!format.equals("tsv") || studies < 1) {
            System.err.println("experiment: --format tsv and --studies >= 1 expected");
            return 2;
        }
        StringBuilder out = new StringBuilder("series_per_study\tseries_accuracy\tcorrelated\tcalibrated\tstudy_accuracy\n");
        for (VotingExperiment.Cell c : new VotingExperiment(seed).run(studies)) {
            out.append(String.format(Locale.ROOT, "%d\t%.2f\t%s\t%s\t%.4f%n", c.seriesPerStudy(), c.seriesAccuracy(),
                    c.correlated() ? "yes" : "no", c.calibrated() ? "yes" : "no", c.studyAccuracy()));
        }
        System.out.print(out);
        return 0;
    }
}
