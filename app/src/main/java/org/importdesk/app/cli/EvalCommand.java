package org.importdesk.app.cli;

import org.importdesk.engine.classify.Classification;
import org.importdesk.engine.classify.CompiledMapping;
import org.importdesk.engine.classify.Evaluation;
import org.importdesk.engine.classify.StudyClassifier;
import org.importdesk.engine.classify.TextStudies;
import org.importdesk.engine.media.StudyRecord;
import org.importdesk.mapping.MappingContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score the classification of the studies in PATH against labels: accuracy, predictive power, "
                + "minor and major error rates, worst confusions. PATH is a medium/folder, or a classify-text TSV.")
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--labels", required = true, paramLabel = "FILE",
            description = "TSV with header 'study_instance_uid acceptable_classes' (or 'id ...'); codes joined by ';'.")
    Path labels;

    @Parameters(paramLabel = "PATH")
    Path path;

    @Option(names = "--details", description = "Also list every study that was not classified correctly.")
    boolean details;

    @Option(names = "--no-prior", description = "Leave out the modality prior (the prior.* settings): MOMO's "
            + "metadata as published, where a study without usable text or images gets no proposal.")
    boolean noPrior;

    @Mixin
    MappingOptions mapping = new MappingOptions();

    @Override
    public Integer call() throws Exception {
        Map<String, Set<String>> expected;
        try {
            expected = readLabels(labels);
        } catch (IOException e) {
            System.err.println("eval: " + labels + ": " + e.getMessage());
            return 2;
        }
        List<StudyRecord> studies;
        if (Files.isRegularFile(path) && path.toString().toLowerCase(Locale.ROOT).endsWith(".tsv")) {
            try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                studies = TextStudies.read(in);
            }
        } else {
            studies = ClassifyCommand.readMedium(path);
        }
        MappingContent content = mapping.content();
        if (noPrior) {
            content = withoutPrior(content);
        }
        CompiledMapping compiled = new CompiledMapping(content);
        StudyClassifier classifier = mapping.classifier(content);
        Scored scored = evaluate(expected, studies, classifier, compiled);
        System.out.printf(Locale.ROOT, "mode\t%s%nmodality_prior\t%s%n", classifier.mode().name().toLowerCase(Locale.ROOT)
                .replace('_', '-'), noPrior ? "off" : "on");
        System.out.print(format(scored.report(), details));
        System.out.print(formatDeciders(scored.byDecider()));
        return 0;
    }

    /** The report, and the items grouped by what decided them (keyword, series-vote, network, modality-prior, ...). */
    record Scored(Evaluation.Report report, Map<String, List<Evaluation.Item>> byDecider) {
    }

    static MappingContent withoutPrior(MappingContent content) {
        Map<String, String> settings = new java.util.TreeMap<>(content.settings());
        settings.keySet().removeIf(k -> k.startsWith(MappingContent.PRIOR_PREFIX));
        return content.withSettings(settings);
    }

    static Scored evaluate(Map<String, Set<String>> expected, List<StudyRecord> studies,
                           StudyClassifier classifier, CompiledMapping mapping) {
        Map<String, StudyRecord> byId = new LinkedHashMap<>();
        studies.forEach(s -> byId.putIfAbsent(s.studyInstanceUid(), s));
        Evaluation eval = new Evaluation(mapping::isMinorError);
        Map<String, List<Evaluation.Item>> byDecider = new java.util.TreeMap<>();
        for (var e : expected.entrySet()) {
            StudyRecord s = byId.get(e.getKey());
            if (s == null) {
                eval.addNotFound(e.getKey(), e.getValue());
            } else {
                Classification c = classifier.classify(s);
                Evaluation.Item item = eval.add(e.getKey(), e.getValue(), c.classCode());
                byDecider.computeIfAbsent(c.decider(), k -> new java.util.ArrayList<>()).add(item);
            }
        }
        return new Scored(eval.report(), byDecider);
    }

    /** One line per decider: how many studies it decided and how many of them correctly. */
    static String formatDeciders(Map<String, List<Evaluation.Item>> byDecider) {
        StringBuilder sb = new StringBuilder("decided by (decider: studies, correct)\n");
        byDecider.forEach((decider, items) -> sb.append(String.format(Locale.ROOT, "  %s: %d, %d%n", decider,
                items.size(), items.stream().filter(i -> i.outcome() == Evaluation.Outcome.CORRECT).count())));
        return sb.toString();
    }

    static String format(Evaluation.Report r, boolean details) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "studies\t%d%n", r.total()));
        sb.append(String.format(Locale.ROOT, "accuracy\t%.4f%n", r.accuracy()));
        sb.append(String.format(Locale.ROOT, "predictive_power\t%.4f%n", r.predictivePower()));
        sb.append(String.format(Locale.ROOT, "minor_error_rate\t%.4f%n", r.minorRate()));
        sb.append(String.format(Locale.ROOT, "major_error_rate\t%.4f%n", r.majorRate()));
        sb.append(String.format(Locale.ROOT, "accuracy_of_predictions\t%.4f%n", r.accuracyOfPredictions()));
        sb.append(String.format(Locale.ROOT, "not_found\t%d%n", r.notFound()));
        sb.append("worst confusions (expected -> predicted: count)\n");
        for (Evaluation.Confusion c : r.worstConfusions(10)) {
            sb.append("  ").append(c.expected()).append(" -> ").append(c.predicted()).append(": ").append(c.count()).append('\n');
        }
        if (details) {
            for (Evaluation.Item i : r.items()) {
                if (i.outcome() != Evaluation.Outcome.CORRECT) {
                    sb.append(i.outcome()).append('\t').append(i.id()).append('\t')
                            .append(String.join(";", new java.util.TreeSet<>(i.acceptable()))).append('\t')
                            .append(i.predicted().orElse("")).append('\n');
                }
            }
        }
        return sb.toString();
    }

    static Map<String, Set<String>> readLabels(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException("empty labels file");
        }
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split("\t", -1));
        int id = header.indexOf("study_instance_uid") >= 0 ? header.indexOf("study_instance_uid") : header.indexOf("id");
        int acc = header.indexOf("acceptable_classes");
        if (id < 0 || acc < 0) {
            throw new IOException("header needs study_instance_uid (or id) and acceptable_classes, has " + header);
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.put(f[id].trim(), Set.of(f[acc].trim().split("\\s*;\\s*")));
        }
        return out;
    }
}
