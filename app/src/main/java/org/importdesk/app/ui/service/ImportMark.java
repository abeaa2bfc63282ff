package org.importdesk.app.ui.service;

import org.importdesk.engine.send.StudyJobSummary;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a study of the medium stands with importing, for its marker in the medium's study table.
 *
 * @param done        imported or interrupted: instances acknowledged; failed: instances confirmed in the destination;
 *                    importing: instances sent so far
 * @param total       instances of the import; 0 when not imported
 * @param destination where it went; empty when not imported
 */
public record ImportMark(State state, int done, int total, String destination) {

    public enum State {
        /** no import of this study, in this session or an earlier one */
        NOT_IMPORTED,
        /** this session asked for the import; sending has not started */
        QUEUED,
        /** this session is sending it now */
        IMPORTING,
        /** sent and verified: every instance confirmed in the destination */
        IMPORTED,
        /** an earlier run stopped before every instance was acknowledged (instances still pending in the queue) */
        INTERRUPTED,
        /** the import ended with instances refused or missing */
        FAILED
    }

    public static final ImportMark NOT_IMPORTED = new ImportMark(State.NOT_IMPORTED, 0, 0, "");

    public static ImportMark queued(int total) {
        return new ImportMark(State.QUEUED, 0, total, "");
    }

    public static ImportMark importing(int done, int total) {
        return new ImportMark(State.IMPORTING, done, total, "");
    }

    /**
     * The mark the durable queue's jobs of one study give: imported when any job is complete (the study is in that
     * destination) and not left uncommitted by storage commitment, otherwise what became of the latest job.
     */
    public static ImportMark fromJobs(List<StudyJobSummary> jobs) {
        Optional<StudyJobSummary> complete = jobs.stream().filter(j -> j.complete() && j.committedOrNotAsked())
                .max(Comparator.comparing(StudyJobSummary::updatedAt));
        if (complete.isPresent()) {
            StudyJobSummary j = complete.get();
            return new ImportMark(State.IMPORTED, j.total(), j.total(), j.destination());
        }
        Optional<StudyJobSummary> latest = jobs.stream().filter(j -> j.total() > 0)
                .max(Comparator.comparing(StudyJobSummary::updatedAt));
        if (latest.isEmpty()) {
            return NOT_IMPORTED;
        }
        StudyJobSummary j = latest.get();
        if (j.failed() == 0 && j.pending() > 0) {
            return new ImportMark(State.INTERRUPTED, j.sent() + j.present(), j.total(), j.destination());
        }
        return new ImportMark(State.FAILED, j.confirmed(), j.total(), j.destination());
    }

    /**
     * The mark an import of this session ended with: imported only when finished (complete and, where asked for,
     * committed by the archive), as the Import screen judges it.
     */
    public static ImportMark fromResult(ImportService.Result r) {
        if (r.finished()) {
            return new ImportMark(State.IMPORTED, r.total(), r.total(), r.destination());
        }
        // failed counts every instance not in the destination as far as the verification knows
        return new ImportMark(State.FAILED, Math.max(0, r.total() - r.failed()), r.total(), r.destination());
    }
}
