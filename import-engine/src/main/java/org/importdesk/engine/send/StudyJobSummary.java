package org.importdesk.engine.send;

import java.time.OffsetDateTime;

/**
 * One send job of a study as the durable queue holds it, its instances counted by state.
 *
 * @param studyUid  the study's UID as on the medium (the original UID, also when the study was sent under new UIDs)
 * @param pending   instances not yet acknowledged: pending or sending (an interrupted run leaves them so)
 * @param confirmed instances the C-FIND after sending found in the destination
 * @param updatedAt when a row of the job last changed (the job's creation when it has no rows)
 * @param commitment the job's storage commitment outcome (a {@code StorageCommitmentAudit.State} code), empty when
 *                   none was recorded
 */
public record StudyJobSummary(String jobId, String destination, String studyUid, OffsetDateTime createdAt,
                              OffsetDateTime updatedAt, int total, int sent, int present, int failed, int pending,
                              int confirmed, String commitment) {

    public StudyJobSummary {
        commitment = commitment == null ? "" : commitment;
    }

    /** Without a storage commitment outcome recorded. */
    public StudyJobSummary(String jobId, String destination, String studyUid, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt, int total, int sent, int present, int failed, int pending,
                           int confirmed) {
        this(jobId, destination, studyUid, createdAt, updatedAt, total, sent, present, failed, pending, confirmed, "");
    }

    /**
     * Storage commitment was not asked for, or the archive committed every instance; false when it refused some,
     * did not answer or could not be asked ({@code commitment}: the job's {@code StorageCommitmentAudit.State} code).
     */
    public boolean committedOrNotAsked() {
        return commitment.isEmpty() || commitment.equals("committed") || commitment.equals("not-requested");
    }

    /** Every instance of the job is confirmed in the destination. */
    public boolean complete() {
        return total > 0 && confirmed == total;
    }
}
