package org.importdesk.app.cli;

import org.importdesk.engine.classify.Classification;
import org.importdesk.engine.classify.StudyClassifier;
import org.importdesk.engine.media.MediumReader;
import org.importdesk.engine.media.MediumScan;
import org.importdesk.engine.media.StudyRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify every study on a medium or in a folder into the hospital's study classes (MOMO).")
public final class ClassifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "The medium's root folder, a folder or a DICOM file.")
    Path path;

    @Option(names = "--format", defaultValue = "tsv", description = "tsv or text (text shows the evidence).")
    String format;

    @Mixin
    MappingOptions mapping = new MappingOptions();

    @Override
    public Integer call() throws Exception {
        if (!format.equals("tsv") && !format.equals("text")) {
            System.err.println("classify: unknown --format " + format + " (tsv, text)");
            return 2;
        }
        StudyClassifier classifier = mapping.classifier(mapping.content());
        List<StudyRecord> studies = readMedium(path);
        PrintStream out = System.out;
        if (format.equals("tsv")) {
            out.println("study_instance_uid\tclass_code\tconfidence\tdecider");
        }
        for (StudyRecord s : studies) {
            Classification c = classifier.classify(s);
            if (format.equals("tsv")) {
                out.println(tsvRow(s.studyInstanceUid(), c));
            } else {
                out.println(describe(s.studyInstanceUid() + " (" + s.studyDescription() + ")", c));
            }
        }
        return 0;
    }

    /**
     * The studies on a medium or in a folder, read by the media package's reader; studies whose files all have damaged
     * pixel data come last (their headers still classify them).
     */
    static List<StudyRecord> readMedium(Path path) throws Exception {
        try (MediumScan scan = new MediumReader().read(path)) {
            List<StudyRecord> all = new java.util.ArrayList<>(scan.studies());
            all.addAll(scan.damagedStudies());
            return List.copyOf(all);
        }
    }

    static String tsvRow(String id, Classification c) {
        return id + "\t" + c.classCode().orElse("") + "\t" + String.format(Locale.ROOT, "%.3f", c.confidence())
                + "\t" + c.decider();
    }

    static String describe(String what, Classification c) {
        StringBuilder sb = new StringBuilder();
        sb.append(what).append(": ").append(c.classCode().orElse("(no prediction)"))
                .append(String.format(Locale.ROOT, " confidence %.3f by %s%n", c.confidence(), c.decider()));
        for (Classification.KeywordMatch m : c.evidence().matches()) {
            sb.append("  ").append(m.source()).append(" '").append(m.value()).append("' -> keyword '")
                    .append(m.keyword()).append("' -> ").append(m.classCode()).append(m.partial() ? " (typo-tolerant)" : "")
                    .append('\n');
        }
        if (!c.evidence().votes().isEmpty()) {
            sb.append("  votes ").append(c.evidence().votes()).append('\n');
        }
        c.evidence().rulesApplied().forEach(r -> sb.append("  rule ").append(r).append('\n'));
        c.evidence().notes().forEach(n -> sb.append("  ").append(n).append('\n'));
        return sb.toString().stripTrailing();
    }
}
