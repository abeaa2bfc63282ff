package org.importdesk.engine.classify;

import org.importdesk.engine.media.StudyRecord;
import org.importdesk.mapping.defaults.DefaultContent;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A held-out set of English procedure names (RadLex Playbook long names, LOINC-style names, hospital catalogue
 * abbreviations), written before the classifier was first run on them and kept apart from the development set: it
 * measures how the vocabulary generalises. Changes to the vocabulary must not be tuned to single names of this file.
 */
class ProcedureNamesHeldOutSetTest {

    @Test
    void defaultContentMeetsTheTargetsOnTheHeldOutSet() throws Exception {
        CompiledMapping mapping = new CompiledMapping(DefaultContent.load());
        StudyClassifier classifier = new StudyClassifier(mapping, NetworkVoter.NONE, ClassifierMode.METADATA);
        Evaluation eval = new Evaluation(mapping::isMinorError);
        StringBuilder misses = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("procedure-names-heldout.tsv"), StandardCharsets.UTF_8))) {
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
        System.out.printf("held-out set: n=%d accuracy=%.4f predictive=%.4f minor=%.4f major=%.4f%n%s", r.total(),
                r.accuracy(), r.predictivePower(), r.minorRate(), r.majorRate(), misses);
        assertThat(r.total()).isGreaterThanOrEqualTo(200);
        assertThat(r.accuracy()).as("accuracy").isGreaterThanOrEqualTo(0.90);
        assertThat(r.predictivePower()).as("predictive power").isGreaterThanOrEqualTo(0.99);
        assertThat(r.minorRate()).as("minor errors").isLessThanOrEqualTo(0.03);
    }
}
