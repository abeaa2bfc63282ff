package org.importdesk.engine.send;

import org.importdesk.engine.dicom.DicomNode;
import org.importdesk.engine.dicom.LocalArchiveScp;
import org.importdesk.engine.dicom.SyntheticInstances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded archive as storage commitment SCP: it answers our N-ACTION and reports on a new association to the
 * requester's listener; what it holds is committed, what it lost fails with "no such object instance"; a requester it
 * has no report destination for is refused.
 */
class LocalArchiveCommitmentTest {

    @Test
    void theArchiveCommitsWhatItHoldsAndFailsWhatItLost(@TempDir Path tmp) throws Exception {
        List<SendItem> items = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path f = SyntheticInstances.write(tmp.resolve("medium"), "1.2.5.1." + i, "1.2.5.2", "1.2.5.3", "1.2.5.1.1");
            items.add(new SendItem("1.2.5.1." + i, SyntheticInstances.MR, "1.2.5.2", "1.2.840.10008.1.2.1", f));
        }
        CoercionPlan plan = new CoercionPlan("LOC-2", "HOSP", null, null, null, null, "MR-HEAD", "MR Kopf",
                "99IMPORTDESK", true, true, "EXT-2", "", "ImportDesk");
        try (LocalArchiveScp archive = LocalArchiveScp.start(tmp.resolve("archive"), "PACS", 0);
             LocalArchiveScp listener = LocalArchiveScp.commitmentListener("IMPORTDESK",
                     InetAddress.getLoopbackAddress(), 0);
             SendQueue queue = SendQueue.open(tmp.resolve("data"))) {
            SendReport report = new StudySender(queue, SendOptions.defaults("IMPORTDESK"), null)
                    .send(archive.node(), "1.2.5.3", items, plan);
            assertThat(report.complete()).isTrue();
            StorageCommitter committer = new StorageCommitter(queue, "IMPORTDESK", listener);

            // no destination known for IMPORTDESK: the N-ACTION is refused, nothing is waited for
            assertThatThrownBy(() -> committer.commit(archive.node(), report.jobId(), Duration.ofSeconds(5)))
                    .isInstanceOf(SendException.class).hasMessageContaining("refused the storage commitment request");

            archive.reportCommitmentsTo("IMPORTDESK", listener.node(), null);
            StorageCommitter.Outcome all = committer.commit(archive.node(), report.jobId(), Duration.ofSeconds(10));
            assertThat(all.committed()).as(all.toString()).isEqualTo(3);
            assertThat(all.note()).isEmpty();

            Files.delete(archive.file("1.2.5.1.2"));
            StorageCommitter.Outcome partial = committer.commit(archive.node(), report.jobId(), Duration.ofSeconds(10));
            assertThat(partial.committed()).as(partial.toString()).isEqualTo(2);
            assertThat(partial.failures()).containsExactly(java.util.Map.entry("1.2.5.1.2", 0x0112));
            assertThat(archive.failedReports()).isEmpty();

            // a report destination nobody listens on: the archive records that its report did not get through
            archive.reportCommitmentsTo("IMPORTDESK", new DicomNode("IMPORTDESK", "127.0.0.1", 1), null);
            StorageCommitter.Outcome none = committer.commit(archive.node(), report.jobId(), Duration.ofSeconds(2));
            assertThat(none.unanswered()).isEqualTo(3);
            assertThat(none.audit().summary()).isEqualTo("storage commitment not answered in time (3 requested)");
            for (int i = 0; i < 50 && archive.failedReports().isEmpty(); i++) {
                Thread.sleep(100);
            }
            assertThat(archive.failedReports()).singleElement().asString().contains("cannot connect to");
        }
    }
}
