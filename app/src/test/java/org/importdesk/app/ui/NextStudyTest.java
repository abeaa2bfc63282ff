package org.importdesk.app.ui;

import org.importdesk.app.ui.model.MediumViewModel.StudyRow;
import org.importdesk.engine.media.PatientRecord;
import org.importdesk.engine.media.StudyRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** After an import, Enter goes to the next study of the medium that is not imported yet. */
class NextStudyTest {

    private static StudyRow row(String uid) {
        StudyRecord s = new StudyRecord(uid, "study " + uid, "20240101", "", "", "", List.of(), "", "", List.of());
        return new StudyRow(new PatientRecord("P" + uid, "", "Doe^Jane", "19700101", "F", List.of(s)), s);
    }

    private static Optional<String> next(List<StudyRow> rows, String current, Set<String> imported) {
        StudyRecord c = rows.stream().map(StudyRow::study).filter(s -> s.studyInstanceUid().equals(current)).findFirst().orElse(null);
        return ImportController.nextStudy(rows, c, imported).map(r -> r.study().studyInstanceUid());
    }

    @Test
    void theFollowingStudyNotImportedWrappingAroundAndNoneWhenAllAreImported() {
        List<StudyRow> rows = List.of(row("1"), row("2"), row("3"), row("4"));
        assertThat(next(rows, "2", Set.of("2"))).contains("3");
        assertThat(next(rows, "2", Set.of("2", "3"))).contains("4");
        assertThat(next(rows, "4", Set.of("4", "2"))).contains("1");
        assertThat(next(rows, "3", Set.of("1", "2", "3", "4"))).isEmpty();
        // a study whose import did not complete is offered again, after the others
        assertThat(next(rows, "3", Set.of("1", "2", "4"))).contains("3");
        assertThat(next(rows, null, Set.of("1"))).contains("2");
        assertThat(next(List.of(), null, Set.of())).isEmpty();
    }
}
