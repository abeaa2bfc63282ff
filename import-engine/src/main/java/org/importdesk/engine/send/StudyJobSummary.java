package org.importdesk.engine.send;

import java.time.OffsetDateTime;

/**
 * One send job of a study as the durable queue holds it, its instances counted by state.
 *
 * @param studyUid  the study's UID as on the medium (the original UID, also when the study was sent under new UIDs)
 * @param pending   instances not yet acknowledged: pending or sending (an interrupted run leaves them so)
 * @param confirmed instances the C-FIND after sending found in the destination
 * @param updatedAt when a row of the job last changed (the job's creation when it has no rows)
 */
public record StudyJobSummary(String jobId, String destination, String studyUid, OffsetDateTime createdAt,
                              OffsetDateTime updatedAt, int total, int sent, int present, int failed, int pending,
                              int confirmed) {

    /** Every instance of the job is confirmed in the destination. */
    public boolean complete() {
        return total > 0 && confirmed == total;
    }
}
