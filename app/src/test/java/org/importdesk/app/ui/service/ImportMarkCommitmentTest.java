package org.importdesk.app.ui.service;

import org.importdesk.app.ui.service.ImportMark.State;
import org.importdesk.engine.audit.StorageCommitmentAudit;
import org.importdesk.engine.send.SendItem;
import org.importdesk.engine.send.SendQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import the archive did not commit is not finished (the Import screen says "press Send again"): its mark must not
 * say imported, since an IMPORTED mark also puts the study into the session's imported studies ("next study" skips it).
 */
class ImportMarkCommitmentTest {

    @Test
    void aCompleteSendThatTheArchiveDidNotCommitIsNotMarkedImported() {
        var refused = StorageCommitmentAudit.of("1.2.9", 10, 8, Map.of("1.2.9.1", 0x0110, "1.2.9.2", 0x0110), 0);
        var notCommitted = new ImportService.Result(ImportService.Outcome.COMPLETE, 10, 0, 0, 10, 0, List.of(), "PACS",
                refused);
        assertThat(notCommitted.finished()).isFalse();
        assertThat(ImportMark.fromResult(notCommitted)).isEqualTo(new ImportMark(State.FAILED, 10, 10, "PACS"));

        var committed = new ImportService.Result(ImportService.Outcome.COMPLETE, 10, 0, 0, 10, 0, List.of(), "PACS",
                StorageCommitmentAudit.of("1.2.9", 10, 10, Map.of(), 0));
        assertThat(ImportMark.fromResult(committed)).isEqualTo(new ImportMark(State.IMPORTED, 10, 10, "PACS"));
    }

    @Test
    void afterARestartAStudyTheArchiveDidNotCommitIsNotMarkedImportedEither(@TempDir Path dir) throws Exception {
        try (SendQueue q = SendQueue.open(dir)) {
            for (String job : List.of("refused", "committed")) {
                String study = job.equals("refused") ? "1.2.3" : "1.2.4";
                q.enqueue(job, "PACS@h:104", study, List.of(item(job + ".1"), item(job + ".2")), Map.of());
                for (String uid : List.of(job + ".1", job + ".2")) {
                    q.markSending(job, uid);
                    q.markSent(job, uid, "0000", "");
                    q.setConfirmed(job, uid, true);
                }
            }
            q.markJobCommitment("refused", "partial", "1 of 2 committed, 1 failed");
            q.markJobCommitment("committed", "committed", "2 of 2 committed");
        }
        try (SendQueue q = SendQueue.open(dir)) {
            var refused = q.jobsForStudies(List.of("1.2.3"));
            assertThat(ImportMark.fromJobs(refused)).isEqualTo(new ImportMark(State.FAILED, 2, 2, "PACS@h:104"));
            var committed = q.jobsForStudies(List.of("1.2.4"));
            assertThat(ImportMark.fromJobs(committed)).isEqualTo(new ImportMark(State.IMPORTED, 2, 2, "PACS@h:104"));
        }
    }

    private static SendItem item(String uid) {
        return new SendItem(uid, "1.2.840.10008.5.1.4.1.1.4", "1.2.9.9", "1.2.840.10008.1.2.1", Path.of("/nowhere/" + uid));
    }
}
