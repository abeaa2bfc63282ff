package org.importdesk.engine.classify;

import org.importdesk.engine.media.StudyRecord;
import org.importdesk.mapping.defaults.DefaultContent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Scores the default content on a TSV of procedure names ({@code id modality study_description acceptable}). */
final class ProcedureNameSets {
    private ProcedureNameSets() {
    }

    static Evaluation.Report score(String resource, String label) throws IOException {
        CompiledMapping mapping = new CompiledMapping(DefaultContent.load());
        StudyClassifier classifier = new StudyClassifier(mapping, NetworkVoter.NONE, ClassifierMode.METADATA);
        Evaluation eval = new Evaluation(mapping::isMinorError);
        StringBuilder misses = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ProcedureNameSets.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                StudyRecord s = TextStudies.study(f[0], f[1], f[2], "", "", "", "");
                Classification c = classifier.classify(s);
                Evaluation.Item item = eval.add(f[0], Set.of(f[3].split(";")), c.classCode());
                if (item.outcome() != Evaluation.Outcome.CORRECT) {
                    misses.append(item.outcome()).append('\t').append(f[1]).append('\t').append(f[2]).append('\t')
                            .append(f[3]).append(" -> ").append(c.classCode().orElse("-")).append('\t')
                            .append(c.evidence().matches().stream().map(m -> m.keyword() + ":" + m.classCode()).toList())
                            .append('\n');
                }
            }
        }
        Evaluation.Report r = eval.report();
        System.out.printf("%s: n=%d accuracy=%.4f predictive=%.4f minor=%.4f major=%.4f%n%s", label, r.total(),
                r.accuracy(), r.predictivePower(), r.minorRate(), r.majorRate(), misses);
        return r;
    }
}
