package org.importdesk.engine.reconcile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNamesTest {

    @Test
    void umlautsWrittenAsAeOrDroppedMatch() {
        assertThat(PersonNames.similarity("Müller^Hans", "MUELLER^HANS")).isEqualTo(1.0);
        assertThat(PersonNames.similarity("Müller^Hans", "MULLER^HANS")).isEqualTo(1.0);
        assertThat(PersonNames.similarity("Groß^Jörg", "GROSS^JOERG")).isEqualTo(1.0);
    }

    @Test
    void componentOrderDoesNotMatter() {
        assertThat(PersonNames.similarity("Müller^Hans", "Hans Müller")).isEqualTo(1.0);
        assertThat(PersonNames.similarity("Müller^Hans", "MUELLER, HANS")).isEqualTo(1.0);
    }

    @Test
    void typosLowerTheScoreButLittle() {
        double oneTypo = PersonNames.similarity("Schneider^Katharina", "SCHNIEDER^KATHARINA");
        assertThat(oneTypo).isBetween(0.9, 0.99);
        double twoTypos = PersonNames.similarity("Schneider^Katharina", "SCHNEIDR^KATHRINA");
        assertThat(twoTypos).isLessThan(oneTypo).isGreaterThan(0.8);
    }

    @Test
    void otherPeopleScoreLow() {
        assertThat(PersonNames.similarity("Müller^Hans", "Schmidt^Anna")).isLessThan(0.4);
        assertThat(PersonNames.similarity("Müller^Hans", "")).isZero();
    }

    @Test
    void aMissingMiddleNameCostsLittle() {
        assertThat(PersonNames.similarity("Meier^Anna^Maria", "MEIER^ANNA")).isBetween(0.9, 0.99);
    }
}
