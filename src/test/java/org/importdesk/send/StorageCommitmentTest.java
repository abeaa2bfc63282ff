package org.importdesk.send;

import org.importdesk.engine.dicom.LocalArchiveScp;
import org.importdesk.engine.send.CoercionPlan;
import org.importdesk.engine.send.QueueRow;
import org.importdesk.engine.send.SendItem;
import org.importdesk.engine.send.SendOptions;
import org.importdesk.engine.send.SendQueue;
import org.importdesk.engine.send.SendReport;
import org.importdesk.engine.send.StorageCommitter;
import org.importdesk.engine.send.StudySender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Storage commitment end to end against Orthanc: our N-ACTION, then Orthanc's N-EVENT-REPORT on the association it
 * opens to our listener (declared in its DicomModalities), recorded per instance in the queue. An instance deleted
 * from Orthanc before the request must come back as failed, not committed.
 */
class StorageCommitmentTest {

    @Test
    void orthancReportsCommitmentToOurListenerAndTheQueueRecordsItPerInstance(@TempDir Path tmp) throws Exception {
        Path ge = Corpus.corpus("dcm_qa_ge");
        assumeTrue(Files.isDirectory(ge), "../shared/corpus absent: " + ge);
        assumeTrue(OrthancFixture.available(), OrthancFixture.absentMessage());
        List<SendItem> items = ResilienceTest.items(ge, 4);
        try (LocalArchiveScp listener = LocalArchiveScp.start(tmp.resolve("listener"), "IMPORTDESK", 0);
             OrthancFixture orthanc = OrthancFixture.start(tmp.resolve("orthanc"), false, "IMPORTDESK",
                     listener.node().port());
             SendQueue queue = SendQueue.open(tmp.resolve("data"))) {
            CoercionPlan plan = new CoercionPlan("LOC-5", "HOSP", null, null, null, null, "MR-HEAD", "MR Kopf",
                    "99IMPORTDESK", true, true, "dicom", "", "ImportDesk");
            SendReport report = new StudySender(queue, SendOptions.defaults("IMPORTDESK"), null)
                    .send(orthanc.node(), Corpus.GE_STUDY, items, plan);
            assertThat(report.complete()).isTrue();
            StorageCommitter committer = new StorageCommitter(queue, "IMPORTDESK", listener);

            StorageCommitter.Outcome all = committer.commit(orthanc.node(), report.jobId(), Duration.ofSeconds(20));
            assertThat(all.requested()).isEqualTo(4);
            assertThat(all.committed()).as(all.toString()).isEqualTo(4);
            assertThat(all.allCommitted()).isTrue();
            assertThat(queue.commitments(report.jobId()).values()).containsOnly("committed");

            // Orthanc loses one instance: the next request must report it failed and the others committed
            String lost = orthanc.instanceIds().get(0);
            String lostSop = orthanc.simplifiedTags(lost).replaceAll("(?s).*\"SOPInstanceUID\"\\s*:\\s*\"([0-9.]+)\".*", "$1");
            orthanc.delete("/instances/" + lost);
            StorageCommitter.Outcome partial = committer.commit(orthanc.node(), report.jobId(), Duration.ofSeconds(20));
            assertThat(partial.transactionUid()).isNotEqualTo(all.transactionUid());
            assertThat(partial.committed()).as(partial.toString()).isEqualTo(3);
            assertThat(partial.failed()).isEqualTo(1);
            assertThat(partial.allCommitted()).isFalse();
            Map<String, String> states = queue.commitments(report.jobId());
            String lostSource = queue.rows(report.jobId()).stream().filter(r -> r.targetUid().equals(lostSop))
                    .map(QueueRow::sopInstanceUid).findFirst().orElseThrow();
            assertThat(states.get(lostSource)).isEqualTo("failed");
            assertThat(states.values().stream().filter("committed"::equals).count()).isEqualTo(3);

            // the command line: the whole study, commitment received on the declared port; exit 0 only when committed
            int port = listener.node().port();
            listener.close();
            Path data = tmp.resolve("cli-data");
            Cli.Result ok = Cli.run("import", ge.toString(), "--study", Corpus.GE_STUDY, "--class", "MR-HEAD",
                    "--patient-id", "LOC-5", "--issuer", "HOSP", "--to", orthanc.node().toString(), "--format", "tsv",
                    "--data-dir", data.toString(), "--storage-commitment", Integer.toString(port),
                    "--commitment-wait", "30");
            assertThat(ok.exitCode()).as(ok.out()).isZero();
            try (SendQueue cliQueue = SendQueue.open(data)) {
                Map<String, String> cli = cliQueue.commitments(StudySender.jobId(orthanc.node(), Corpus.GE_STUDY,
                        "LOC-5", false));
                assertThat(cli).hasSize(144);
                assertThat(cli.values()).containsOnly("committed");
            }
            // no report reaches a port Orthanc does not know: not committed, exit 1
            Cli.Result unanswered = Cli.run("import", ge.toString(), "--study", Corpus.GE_STUDY, "--class", "MR-HEAD",
                    "--patient-id", "LOC-5", "--issuer", "HOSP", "--to", orthanc.node().toString(), "--format", "tsv",
                    "--data-dir", data.toString(), "--storage-commitment",
                    Integer.toString(OrthancFixture.freePort()), "--commitment-wait", "2");
            assertThat(unanswered.exitCode()).isEqualTo(1);
        }
    }
}
