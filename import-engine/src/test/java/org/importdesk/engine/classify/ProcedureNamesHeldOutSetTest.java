package org.importdesk.engine.classify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A held-out set of English procedure names (RadLex Playbook long names, LOINC-style names, hospital catalogue
 * abbreviations), written before the classifier was first run on them and kept apart from the development set: it
 * measures how the vocabulary generalises. Changes to the vocabulary must not be tuned to single names of this file.
 */
class ProcedureNamesHeldOutSetTest {

    @Test
    void defaultContentMeetsTheTargetsOnTheHeldOutSet() throws Exception {
        Evaluation.Report r = ProcedureNameSets.score("procedure-names-heldout.tsv", "held-out set");
        assertThat(r.total()).isGreaterThanOrEqualTo(200);
        assertThat(r.accuracy()).as("accuracy").isGreaterThanOrEqualTo(0.90);
        assertThat(r.predictivePower()).as("predictive power").isGreaterThanOrEqualTo(0.99);
        assertThat(r.minorRate()).as("minor errors").isLessThanOrEqualTo(0.03);
    }
}
