package org.importdesk.engine.classify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's development set of real-world-style procedure names (English catalogue style, German, French,
 * Italian, Spanish, Dutch; all modalities) classified by the default content on metadata alone.
 */
class ProcedureNamesDevSetTest {

    @Test
    void defaultContentMeetsTheTargetsOnTheDevelopmentSet() throws Exception {
        Evaluation.Report r = ProcedureNameSets.score("procedure-names-dev.tsv", "dev set");
        assertThat(r.total()).isGreaterThanOrEqualTo(300);
        assertThat(r.accuracy()).as("accuracy").isGreaterThanOrEqualTo(0.90);
        assertThat(r.predictivePower()).as("predictive power").isGreaterThanOrEqualTo(0.99);
        assertThat(r.minorRate()).as("minor errors").isLessThanOrEqualTo(0.03);
    }
}
