package org.importdesk.send;

import org.importdesk.engine.dicom.LocalArchiveScp;
import org.importdesk.engine.send.CoercionPlan;
import org.importdesk.engine.send.SendItem;
import org.importdesk.engine.send.SendOptions;
import org.importdesk.engine.send.SendQueue;
import org.importdesk.engine.send.StudySender;
import org.importdesk.engine.send.StudyUidCollisionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded archive knows the Patient ID of every study it holds, also after a restart (index rebuilt from files). */
class LocalArchiveStudyUidCollisionTest {

    private static CoercionPlan plan(String localId) {
        return new CoercionPlan(localId, "HOSP-A", null, null, null, null, "MR-HEAD", "MR Kopf", "99IMPORTDESK", true,
                true, "dicom", "", "ImportDesk");
    }

    @Test
    void aStudyUidUnderAnotherPatientStopsTheImportIntoTheLocalArchive(@TempDir Path tmp) throws Exception {
        Path ge = Corpus.corpus("dcm_qa_ge");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(ge), "../shared/corpus absent: " + ge);
        List<SendItem> items = ResilienceTest.items(ge, 3);
        SendOptions options = SendOptions.defaults("IMPORTDESK");
        Path archive = tmp.resolve("archive");
        try (SendQueue queue = SendQueue.open(tmp.resolve("data"))) {
            try (LocalArchiveScp scp = LocalArchiveScp.start(archive, "LOCALARCHIVE", 0)) {
                assertThat(new StudySender(queue, options, null).send(scp.node(), Corpus.GE_STUDY, items, plan("PAT-A"))
                        .complete()).isTrue();
                // the same patient again: no collision, nothing resent
                var again = new StudySender(queue, options, null).send(scp.node(), Corpus.GE_STUDY, items, plan("PAT-A"));
                assertThat(again.complete()).isTrue();
                assertThat(again.rows()).allMatch(r -> r.acks() == 1);
                assertThatThrownBy(() -> new StudySender(queue, options, null)
                        .send(scp.node(), Corpus.GE_STUDY, items, plan("PAT-B")))
                        .isInstanceOf(StudyUidCollisionException.class);
                assertThat(scp.instanceCount()).isEqualTo(3);
            }
            try (LocalArchiveScp restarted = LocalArchiveScp.start(archive, "LOCALARCHIVE", 0)) {
                assertThat(restarted.instanceCount()).isEqualTo(3);
                assertThatThrownBy(() -> new StudySender(queue, options, null)
                        .send(restarted.node(), Corpus.GE_STUDY, items, plan("PAT-B")))
                        .isInstanceOf(StudyUidCollisionException.class);
            }
        }
    }
}
