package org.importdesk.app.cli;

import org.importdesk.engine.classify.Classification;
import org.importdesk.engine.classify.StudyClassifier;
import org.importdesk.engine.classify.TextStudies;
import org.importdesk.engine.media.StudyRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "classify-text", mixinStandardHelpOptions = true,
        description = "Classify studies given as text: TSV with header 'id modality study_description' and optional "
                + "series_description, body_part_examined, protocol_name, procedure_code (series joined by '|').")
public final class ClassifyTextCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The TSV file ('-' for stdin).")
    String input;

    @Option(names = "--format", defaultValue = "tsv", description = "tsv or text (text shows the evidence).")
    String format;

    @Mixin
    MappingOptions mapping = new MappingOptions();

    @Override
    public Integer call() throws Exception {
        if (!format.equals("tsv") && !format.equals("text")) {
            System.err.println("classify-text: unknown --format " + format + " (tsv, text)");
            return 2;
        }
        List<StudyRecord> studies;
        try (BufferedReader in = open(input)) {
            studies = TextStudies.read(in);
        } catch (IOException e) {
            System.err.println("classify-text: " + input + ": " + e.getMessage());
            return 1;
        }
        StudyClassifier classifier = mapping.classifier(mapping.content());
        StringBuilder out = new StringBuilder();
        if (format.equals("tsv")) {
            out.append("id\tclass_code\tconfidence\tdecider\n");
        }
        for (StudyRecord s : studies) {
            Classification c = classifier.classify(s);
            out.append(format.equals("tsv") ? ClassifyCommand.tsvRow(s.studyInstanceUid(), c)
                    : ClassifyCommand.describe(s.studyInstanceUid() + " (" + s.studyDescription() + ")", c)).append('\n');
        }
        System.out.print(out);
        return 0;
    }

    static BufferedReader open(String input) throws IOException {
        return input.equals("-") ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
    }
}
