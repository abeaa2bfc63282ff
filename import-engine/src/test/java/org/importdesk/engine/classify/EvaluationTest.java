package org.importdesk.engine.classify;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationTest {

    @Test
    void gradesPredictionsByAcceptableClassesAndTheMinorErrorTable() {
        Evaluation e = new Evaluation((t, p) -> t.equals("MRH") && p.equals("MRWS"));
        assertThat(e.add("a", Set.of("MRH"), Optional.of("MRH")).outcome()).isEqualTo(Evaluation.Outcome.CORRECT);
        assertThat(e.add("b", Set.of("CTWS", "MRH"), Optional.of("MRH")).outcome()).isEqualTo(Evaluation.Outcome.CORRECT);
        assertThat(e.add("c", Set.of("MRH"), Optional.of("MRWS")).outcome()).isEqualTo(Evaluation.Outcome.MINOR);
        assertThat(e.add("d", Set.of("MRWS"), Optional.of("MRH")).outcome()).isEqualTo(Evaluation.Outcome.MAJOR);
        assertThat(e.add("e", Set.of("MRS"), Optional.empty()).outcome()).isEqualTo(Evaluation.Outcome.NO_PREDICTION);
        e.addNotFound("f", Set.of("KTH"));
        Evaluation.Report r = e.report();
        assertThat(r.total()).isEqualTo(6);
        assertThat(r.accuracy()).isEqualTo(2 / 6.0);
        assertThat(r.predictivePower()).isEqualTo(4 / 6.0);
        assertThat(r.minorRate()).isEqualTo(1 / 6.0);
        assertThat(r.majorRate()).isEqualTo(1 / 6.0);
        assertThat(r.accuracyOfPredictions()).isEqualTo(0.5);
        assertThat(r.worstConfusions(10)).extracting(Evaluation.Confusion::predicted).contains("MRWS", "MRH", "(none)");
    }
}
