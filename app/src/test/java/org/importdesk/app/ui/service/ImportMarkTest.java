package org.importdesk.app.ui.service;

import org.importdesk.app.ui.service.ImportMark.State;
import org.importdesk.engine.send.StudyJobSummary;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The mark a study gets from the send queue's jobs. */
class ImportMarkTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-22T08:00:00Z");

    private static StudyJobSummary job(String destination, int minutes, int total, int sent, int failed, int pending,
                                       int confirmed) {
        return new StudyJobSummary("job-" + destination + minutes, destination, "1.2.3", T0.plusMinutes(minutes),
                T0.plusMinutes(minutes + 1), total, sent, 0, failed, pending, confirmed);
    }

    @Test
    void anImportOfThisSessionEndsImportedOrFailedWithWhatIsConfirmed() {
        var complete = new ImportService.Result(ImportService.Outcome.COMPLETE, 7, 3, 0, 10, 0, List.of(), "A");
        assertThat(ImportMark.fromResult(complete)).isEqualTo(new ImportMark(State.IMPORTED, 10, 10, "A"));
        var partial = new ImportService.Result(ImportService.Outcome.PARTIAL, 6, 0, 4, 10, 2, List.of("x"), "A");
        assertThat(ImportMark.fromResult(partial)).isEqualTo(new ImportMark(State.FAILED, 6, 10, "A"));
    }

    @Test
    void completeAnywhereIsImportedOtherwiseTheLatestJobTells() {
        assertThat(ImportMark.fromJobs(List.of())).isEqualTo(ImportMark.NOT_IMPORTED);
        assertThat(ImportMark.fromJobs(List.of(job("A", 0, 10, 10, 0, 0, 10))))
                .isEqualTo(new ImportMark(State.IMPORTED, 10, 10, "A"));
        // killed in the middle: instances still pending, none refused
        assertThat(ImportMark.fromJobs(List.of(job("A", 0, 10, 4, 0, 6, 0))))
                .isEqualTo(new ImportMark(State.INTERRUPTED, 4, 10, "A"));
        // refused instances: failed, with what the verification found
        assertThat(ImportMark.fromJobs(List.of(job("A", 0, 10, 8, 2, 0, 8))))
                .isEqualTo(new ImportMark(State.FAILED, 8, 10, "A"));
        // sent but not confirmed by the C-FIND afterwards: not imported as far as anyone knows
        assertThat(ImportMark.fromJobs(List.of(job("A", 0, 10, 10, 0, 0, 0))))
                .isEqualTo(new ImportMark(State.FAILED, 0, 10, "A"));
        // a later failed attempt elsewhere does not undo a complete import
        assertThat(ImportMark.fromJobs(List.of(job("A", 0, 10, 10, 0, 0, 10), job("B", 5, 10, 0, 10, 0, 0))).state())
                .isEqualTo(State.IMPORTED);
        // of two unfinished jobs the latest tells
        assertThat(ImportMark.fromJobs(List.of(job("A", 0, 10, 2, 8, 0, 2), job("A", 5, 10, 3, 0, 7, 0))).state())
                .isEqualTo(State.INTERRUPTED);
        // a job written without rows (nothing to send) is no import
        assertThat(ImportMark.fromJobs(List.of(job("A", 0, 0, 0, 0, 0, 0)))).isEqualTo(ImportMark.NOT_IMPORTED);
    }
}
