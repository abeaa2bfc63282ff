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
        CompiledMapping compiled = new CompiledMapping(content);
        StudyClassifier classifier = mapping.classifier(content);
        Evaluation.Report r = evaluate(expected, studies, classifier, compiled);
        System.out.print(format(r, details));
        return 0;
    }

    static Evaluation.Report evaluate(Map<String, Set<String>> expected, List<StudyRecord> studies,
                                      StudyClassifier classifier, CompiledMapping mapping) {
        Map<String, StudyRecord> byId = new LinkedHashMap<>();
        studies.forEach(s -> byId.putIfAbsent(s.studyInstanceUid(), s));
        Evaluation eval = new Evaluation(mapping::isMinorError);
        for (var e : expected.entrySet()) {
            StudyRecord s = byId.get(e.getKey());
            if (s == null) {
                eval.addNotFound(e.getKey(), e.getValue());
            } else {
                Classification c = classifier.classify(s);
                eval.add(e.getKey(), e.getValue(), c.classCode());
            }
        }
        return eval.report();
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
