package org.importdesk.engine.reconcile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateScorerTest {
    private final CandidateScorer scorer = CandidateScorer.defaults();
    private final Demographics external = new Demographics("EXT-1", "OTHER", "MUELLER^HANS", "19600101", "M");

    private static Candidate order(String id, String name, String birth, String sex, String accession, String... otherIds) {
        return new Candidate(Candidate.Source.WORKLIST, new Demographics(id, "HOSP", name, birth, sex),
                List.of(otherIds), accession, "", "", "");
    }

    @Test
    void theMatchingOrderIsChosenAboveTheThreshold() {
        Reconciliation r = scorer.rank(external, List.of(
                order("L1", "Müller^Hans", "19600101", "M", "A1"),
                order("L2", "Schmidt^Anna", "19600101", "F", "A2")));
        assertThat(r.chosen()).isPresent();
        assertThat(r.chosen().get().candidate().accessionNumber()).isEqualTo("A1");
        assertThat(r.chosen().get().score()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void anotherBirthDateVetoesEvenAPerfectName() {
        ScoredCandidate s = scorer.score(external, order("L2", "Müller^Hans", "19610101", "M", "A2"));
        assertThat(s.vetoed()).isTrue();
        assertThat(s.score()).isZero();
        assertThat(scorer.rank(external, List.of(order("L2", "Müller^Hans", "19610101", "M", "A2"))).chosen()).isEmpty();
    }

    @Test
    void anotherSexVetoes() {
        assertThat(scorer.score(external, order("L3", "Müller^Hans", "19600101", "F", "A3")).vetoed()).isTrue();
    }

    @Test
    void withoutABirthDateNothingIsChosenAutomatically() {
        Demographics noBirth = new Demographics("EXT-1", "", "MUELLER^HANS", "", "M");
        Reconciliation r = scorer.rank(noBirth, List.of(order("L1", "Müller^Hans", "19600101", "M", "A1")));
        assertThat(r.chosen()).isEmpty();
        assertThat(r.ranked()).hasSize(1);
    }

    @Test
    void twoEqualCandidatesAreAmbiguous() {
        Reconciliation r = scorer.rank(external, List.of(
                order("L1", "Müller^Hans", "19600101", "M", "A1"),
                order("L9", "Mueller^Hans", "19600101", "M", "A9")));
        assertThat(r.chosen()).isEmpty();
        assertThat(r.explanation()).contains("ambiguous");
    }

    @Test
    void theExternalIdAmongTheOtherPatientIdsAddsWeight() {
        double without = scorer.score(external, order("L1", "Müller^Hans", "19600101", "M", "A1")).score();
        double with = scorer.score(external, order("L1", "Müller^Hans", "19600101", "M", "A1", "EXT-1")).score();
        assertThat(with).isGreaterThan(without);
    }

    @Test
    void aTypoInTheNameStillRanksFirstButBelowAnExactMatch() {
        ScoredCandidate typo = scorer.score(external, order("L1", "Müler^Hans", "19600101", "M", "A1"));
        ScoredCandidate exact = scorer.score(external, order("L1", "Müller^Hans", "19600101", "M", "A1"));
        assertThat(typo.score()).isLessThan(exact.score()).isGreaterThan(0.7);
    }
}
