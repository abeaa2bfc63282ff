package org.importdesk.engine.classify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** The paper's Figure 3 behaviour, with a fixed seed. */
class VotingExperimentTest {

    private final VotingExperiment e = new VotingExperiment(42);

    @Test
    void oneSeriesIsAsAccurateAsItsVote() {
        assertThat(e.studyAccuracy(1, 0.7, false, true, 20000)).isCloseTo(0.70, offset(0.015));
        assertThat(e.studyAccuracy(1, 0.5, true, false, 20000)).isCloseTo(0.50, offset(0.015));
    }

    @Test
    void twoCalibratedSeriesAtFiftyPercentGiveAboutSixtyThree() {
        assertThat(e.studyAccuracy(2, 0.5, false, true, 40000)).isCloseTo(0.63, offset(0.02));
        // without calibration a 1:1 split is a coin toss: no gain over one series
        assertThat(e.studyAccuracy(2, 0.5, true, false, 40000)).isCloseTo(0.50, offset(0.02));
    }

    @Test
    void moreSeriesHelpAndCorrelatedErrorsHelpLess() {
        double one = e.studyAccuracy(1, 0.6, false, true, 20000);
        double five = e.studyAccuracy(5, 0.6, false, true, 20000);
        double ten = e.studyAccuracy(10, 0.6, false, true, 20000);
        assertThat(five).isGreaterThan(one + 0.1);
        assertThat(ten).isGreaterThan(five);
        assertThat(e.studyAccuracy(10, 0.6, true, true, 20000)).isLessThan(ten);
        assertThat(e.run(200)).hasSize(10 * 10 * 2 * 2);
    }
}
