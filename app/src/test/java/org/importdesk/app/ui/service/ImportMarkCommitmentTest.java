package org.importdesk.app.ui.service;

import org.importdesk.app.ui.service.ImportMark.State;
import org.importdesk.engine.audit.StorageCommitmentAudit;
import org.junit.jupiter.api.Test;

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
}
