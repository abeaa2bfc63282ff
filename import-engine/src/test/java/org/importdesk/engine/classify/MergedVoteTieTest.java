package org.importdesk.engine.classify;

import org.importdesk.engine.media.StudyRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.importdesk.engine.classify.StudyClassifierTest.MAPPING;
import static org.importdesk.engine.classify.StudyClassifierTest.series;
import static org.importdesk.engine.classify.StudyClassifierTest.study;

/** The merged vote when the network's votes exactly balance the metadata's. */
class MergedVoteTieTest {

    @Test
    void aTieBetweenMetadataAndNetworkIsDecidedByTheMetadataNotByTheModalityPrior() {
        // one series whose description names the heart, one confident network vote for the thorax: 1.0 against 1.0
        StudyRecord s = study("", series("1", "CT", "SmartScore - Gated 0.5 sec", ""));
        NetworkVoter thorax = st -> List.of(new SeriesVote("1", "CTT", 1.0));
        Classification c = new StudyClassifier(MAPPING, thorax, ClassifierMode.MERGED).classify(s);
        assertThat(c.classCode()).contains("CTH");
        assertThat(c.decider()).isEqualTo("merged");
        assertThat(c.confidence()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.evidence().notes()).anyMatch(n -> n.contains("tie in the merged vote"));
    }

    @Test
    void aTieAmongNetworkVotesAloneStillFallsBackWhenTheMetadataSaysNothing() {
        StudyRecord s = study("", series("1", "CT", "", ""), series("2", "CT", "", ""));
        NetworkVoter split = st -> List.of(new SeriesVote("1", "CTT", 0.9), new SeriesVote("2", "CTAB", 0.9));
        Classification c = new StudyClassifier(MAPPING, split, ClassifierMode.MERGED).classify(s);
        assertThat(c.decider()).isEqualTo("modality-prior");
    }
}
