package org.importdesk.mapping;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping editor's round trip over a real database with the default content: the stored content, shown in the
 * editor and turned back into a draft ({@link MappingDraft}, as the editor's view model does), saves as exactly the
 * rows the user changed, and a rollback undoes exactly those.
 */
class EditorSaveTest {

    @TempDir
    Path dir;
    private MappingStore store;
    private MappingContent stored;

    @BeforeEach
    void open() {
        store = MappingStore.openEmbedded(dir);
        stored = store.load();
    }

    /** What the editor holds right after loading: its tables as lists, the rules as the text area shows them. */
    private static Editor editor(MappingContent c) {
        return new Editor(new ArrayList<>(c.classes()), new ArrayList<>(c.keywords()), new ArrayList<>(c.procedureCodes()),
                new ArrayList<>(c.blacklist()), MappingDraft.rulesText(c.voteRules()));
    }

    private record Editor(List<StudyClass> classes, List<Keyword> keywords, List<ProcedureCodeMapping> codes,
                          List<BlacklistEntry> blacklist, String rules) {
        MappingContent draft(MappingContent base) {
            return MappingDraft.of(base, classes, keywords, codes, blacklist, rules);
        }

        Editor withRules(String text) {
            return new Editor(classes, keywords, codes, blacklist, text);
        }
    }

    /** The change-log entries after the first {@code logged}. */
    private List<ChangeLogEntry> since(int logged) {
        List<ChangeLogEntry> log = store.changes();
        return log.subList(logged, log.size());
    }

    private static ChangeLogEntry only(List<ChangeLogEntry> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    @Test
    void anUntouchedDraftEqualsTheStoredContentAndSavesNothing() {
        assertThat(stored.voteRules()).as("default content numbers its rules 10, 20, ...").hasSizeGreaterThan(50)
                .allSatisfy(r -> assertThat(r.position() % 10).isZero());
        MappingContent draft = editor(stored).draft(stored);
        for (MappingTables.Table t : MappingTables.ALL) {
            assertThat(t.rows().apply(draft)).as(t.name()).containsExactlyInAnyOrderElementsOf(t.rows().apply(stored));
        }
        assertThat(draft).isEqualTo(stored);

        int logged = store.changes().size();
        store.save(draft, "lead");
        assertThat(since(logged)).isEmpty();
        assertThat(store.load()).isEqualTo(stored);
    }

    @Test
    void oneAddedKeywordIsOneChangeRowAndItsRollbackUndoesExactlyIt() {
        Editor e = editor(stored);
        e.keywords().add(0, new Keyword("CTS", "kalottenspezial", "de", Keyword.Scope.BOTH)); // the editor adds on top
        int logged = store.changes().size();

        store.save(e.draft(stored), "lead");

        ChangeLogEntry insert = only(since(logged));
        assertThat(insert.changedBy()).isEqualTo("lead");
        assertThat(insert.table()).isEqualTo("keyword");
        assertThat(insert.rowKey()).isEqualTo("class_code=CTS\ttext=kalottenspezial");
        assertThat(insert.oldValue()).isEmpty();
        assertThat(insert.newValue()).contains("class_code=CTS\ttext=kalottenspezial\tlanguage=de\tscope=both");
        assertThat(insert.reverts()).isEmpty();
        MappingContent saved = store.load();
        assertThat(saved.keywords()).hasSize(stored.keywords().size() + 1);
        assertThat(saved.voteRules()).isEqualTo(stored.voteRules());

        // and the next untouched draft of the saved content saves nothing
        store.save(editor(saved).draft(saved), "lead");
        assertThat(since(logged + 1)).isEmpty();

        store.rollback(insert.id(), "lead");
        ChangeLogEntry undo = only(since(logged + 1));
        assertThat(undo.reverts()).contains(insert.id());
        assertThat(undo.rowKey()).isEqualTo(insert.rowKey());
        assertThat(undo.oldValue()).isEqualTo(insert.newValue());
        assertThat(undo.newValue()).isEmpty();
        assertThat(store.load()).isEqualTo(stored);
    }

    @Test
    void editingOrInsertingOneRuleInTheTextIsOneChangeRow() {
        List<VoteRule> rules = stored.voteRules();
        VoteRule third = rules.get(2);
        String edited = MappingDraft.rulesText(rules).replaceFirst("(?m)^" + java.util.regex.Pattern.quote(third.rule()) + "$",
                "CTTA>CTUE");
        int logged = store.changes().size();

        store.save(editor(stored).withRules(edited).draft(stored), "lead");

        ChangeLogEntry update = only(since(logged));
        assertThat(update.table()).isEqualTo("vote_rule");
        assertThat(update.oldValue()).contains("position=" + third.position() + "\trule=" + third.rule());
        assertThat(update.newValue()).contains("position=" + third.position() + "\trule=CTTA>CTUE");

        MappingContent now = store.load();
        String inserted = MappingDraft.rulesText(now.voteRules()).replaceFirst("\n", "\nCTTA>CTOE\n");
        store.save(editor(now).withRules(inserted).draft(now), "lead");
        ChangeLogEntry insert = only(since(logged + 1));
        assertThat(insert.oldValue()).isEmpty();
        assertThat(insert.newValue()).hasValueSatisfying(v -> assertThat(v).endsWith("\trule=CTTA>CTOE"));
        assertThat(store.load().voteRules()).extracting(VoteRule::rule).element(1).isEqualTo("CTTA>CTOE");
    }
}
