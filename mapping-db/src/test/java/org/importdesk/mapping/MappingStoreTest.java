package org.importdesk.mapping;

import org.importdesk.mapping.defaults.DefaultContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingStoreTest {

    @TempDir
    static Path dir;
    static MappingStore store;

    @BeforeAll
    static void open() {
        store = MappingStore.openEmbedded(dir);
    }

    @Test
    void newDatabaseHoldsTheDefaultContentWithoutErrors() {
        MappingContent c = store.load();
        assertThat(c.classes()).hasSize(76);
        assertThat(c.classes()).extracting(StudyClass::code).contains("CTAB", "KTH", "MRS", "PCTGK", "DLMY", "UGANZ");
        assertThat(c.keywords().size()).isGreaterThan(2000);
        assertThat(c.minorErrors()).hasSize(28);
        assertThat(MappingValidator.hasErrors(store.validate(c))).isFalse();
        assertSame(c, DefaultContent.load());
        // reopening migrates nothing and keeps the content
        assertSame(MappingStore.openEmbedded(dir).load(), c);
    }

    @Test
    void everyChangeIsLoggedAndCanBeRolledBack() {
        MappingContent before = store.load();
        List<Keyword> kws = new ArrayList<>(before.keywords());
        kws.add(new Keyword("CTS", "kopfweh", "de", Keyword.Scope.STUDY));
        store.save(before.withKeywords(kws), "alice");
        ChangeLogEntry added = last();
        assertThat(added.changedBy()).isEqualTo("alice");
        assertThat(added.table()).isEqualTo("keyword");
        assertThat(added.oldValue()).isEmpty();
        assertThat(added.newValue()).hasValueSatisfying(v -> assertThat(v).contains("text=kopfweh"));

        List<StudyClass> classes = new ArrayList<>(store.load().classes());
        classes.replaceAll(s -> s.code().equals("KTH") ? new StudyClass("KTH", "Chest X-ray", s.nameDe(), "CR", true) : s);
        store.save(store.load().withClasses(classes), "bob");
        ChangeLogEntry renamed = last();
        assertThat(renamed.oldValue()).hasValueSatisfying(v -> assertThat(v).contains("name_en=Conv., Thorax"));
        assertThat(renamed.newValue()).hasValueSatisfying(v -> assertThat(v).contains("name_en=Chest X-ray"));

        store.rollback(renamed.id(), "carol");
        assertThat(store.load().studyClass("KTH").orElseThrow().nameEn()).isEqualTo("Conv., Thorax");
        assertThat(last().reverts()).contains(renamed.id());
        assertThat(last().changedBy()).isEqualTo("carol");
        store.rollback(added.id(), "carol");
        assertSame(store.load(), before);
        // a second rollback of the same change finds the row changed since
        assertThatThrownBy(() -> store.rollback(added.id(), "carol")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("changed since");
    }

    @Test
    void saveRefusesContentWithErrors() {
        MappingContent c = store.load();
        List<VoteRule> rules = new ArrayList<>(c.voteRules());
        rules.add(new VoteRule(9999, "CTT+XYZ=CTTA"));
        assertThatThrownBy(() -> store.save(c.withVoteRules(rules), "alice"))
                .isInstanceOf(MappingValidationException.class).hasMessageContaining("unknown class XYZ");
        List<Keyword> kws = new ArrayList<>(c.keywords());
        kws.add(new Keyword("NOPE", "x ray", "en", Keyword.Scope.BOTH));
        assertThatThrownBy(() -> store.save(c.withKeywords(kws), "alice"))
                .isInstanceOf(MappingValidationException.class).hasMessageContaining("NOPE");
        assertSame(store.load(), c);
    }

    @Test
    void validatorReportsDuplicatesContainmentAndBadRules() {
        MappingContent c = MappingContent.empty()
                .withClasses(List.of(new StudyClass("A", "A", "A", "CT", true), new StudyClass("B", "B", "B", "CT", true),
                        new StudyClass("C", "C", "C", "CT", true)))
                .withKeywords(List.of(new Keyword("A", "Spine", "en", Keyword.Scope.BOTH),
                        new Keyword("A", "spine", "en", Keyword.Scope.BOTH),
                        new Keyword("B", "cervical spine", "en", Keyword.Scope.BOTH),
                        new Keyword("C", "spine", "en", Keyword.Scope.BOTH)))
                .withVoteRules(List.of(new VoteRule(1, "A>>B")));
        List<ValidationFinding> f = new MappingValidator().validate(c);
        assertThat(f).anySatisfy(x -> assertThat(x.toString()).contains("ERROR").contains("'spine' twice for A"));
        assertThat(f).anySatisfy(x -> assertThat(x.toString()).contains("WARNING").contains("names several CT classes"));
        assertThat(f).anySatisfy(x -> assertThat(x.toString()).contains("WARNING").contains("contained in 'cervical spine'"));
        assertThat(f).anySatisfy(x -> assertThat(x.toString()).contains("ERROR").contains("malformed"));
    }

    /** The same rows, whatever their order. */
    static void assertSame(MappingContent a, MappingContent b) {
        assertThat(a.classes()).containsExactlyInAnyOrderElementsOf(b.classes());
        assertThat(a.keywords()).containsExactlyInAnyOrderElementsOf(b.keywords());
        assertThat(a.procedureCodes()).containsExactlyInAnyOrderElementsOf(b.procedureCodes());
        assertThat(a.exactDescriptions()).containsExactlyInAnyOrderElementsOf(b.exactDescriptions());
        assertThat(a.blacklist()).containsExactlyInAnyOrderElementsOf(b.blacklist());
        assertThat(a.voteRules()).containsExactlyElementsOf(b.voteRules());
        assertThat(a.minorErrors()).containsExactlyInAnyOrderElementsOf(b.minorErrors());
        assertThat(a.modalityRemaps()).containsExactlyInAnyOrderElementsOf(b.modalityRemaps());
        assertThat(a.petMap()).containsExactlyInAnyOrderElementsOf(b.petMap());
        assertThat(a.settings()).isEqualTo(b.settings());
    }

    private static ChangeLogEntry last() {
        List<ChangeLogEntry> all = store.changes();
        return all.get(all.size() - 1);
    }
}
