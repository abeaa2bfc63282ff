package org.importdesk.send;

import org.importdesk.engine.audit.AuditMessageWriter;
import org.importdesk.engine.audit.ImportAuditRecord;
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
import java.time.OffsetDateTime;
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
            // what the audit keeps of it: the refused UID with Orthanc's reason, a minor failure, the job's final state
            assertThat(partial.failures()).containsOnlyKeys(lostSop);
            ImportAuditRecord audited = new ImportAuditRecord(OffsetDateTime.now(), "tester", "desk", "/media/cd",
                    "EXT", "OTHER", "X^Y", "LOC-5", "HOSP", "X^Y", Corpus.GE_STUDY, "", orthanc.node().toString(),
                    "MR-HEAD", "MR-HEAD", Map.of("1.2.840.10008.5.1.4.1.1.4", 4), 4, 0, 0, 0)
                    .withCommitment(partial.audit());
            Path auditFile = new AuditMessageWriter().store(audited, tmp.resolve("audit"));
            AuditXml xml = AuditXml.read(auditFile);
            assertThat(xml.outcome()).isEqualTo(4);
            assertThat(xml.studyDetail("StorageCommitment")).containsExactly("partial");
            assertThat(xml.studyDetail("InstancesCommitted")).containsExactly("3");
            assertThat(xml.studyDetail("InstancesCommitmentFailed")).containsExactly("1");
            assertThat(xml.studyDetail("CommitmentFailure")).hasSize(1);
            assertThat(xml.studyDetail("CommitmentFailure").get(0)).startsWith(lostSop + " ")
                    .as("Orthanc reports a deleted instance as no such object instance")
                    .isEqualTo(lostSop + " 0112 no such object instance");
            assertThat(queue.jobCommitment(report.jobId()).state()).isEqualTo("partial");
            assertThat(queue.jobCommitment(report.jobId()).detail()).isEqualTo("3 of 4 committed, 1 failed");

            // the command line: the whole study, commitment received on the declared port; exit 0 only when committed
            int port = listener.node().port();
            listener.close();
            Path data = tmp.resolve("cli-data");
            Cli.Result ok = Cli.run("import", ge.toString(), "--study", Corpus.GE_STUDY, "--class", "MR-HEAD",
                    "--patient-id", "LOC-5", "--issuer", "HOSP", "--to", orthanc.node().toString(), "--format", "tsv",
                    "--data-dir", data.toString(), "--storage-commitment", Integer.toString(port),
                    "--commitment-wait", "30");
            assertThat(ok.exitCode()).as(ok.out()).isZero();
            String cliJob = StudySender.jobId(orthanc.node(), Corpus.GE_STUDY, "LOC-5", false);
            try (SendQueue cliQueue = SendQueue.open(data)) {
                Map<String, String> cli = cliQueue.commitments(cliJob);
                assertThat(cli).hasSize(144);
                assertThat(cli.values()).containsOnly("committed");
                assertThat(cliQueue.jobCommitment(cliJob).state()).isEqualTo("committed");
            }
            // each row shows its commitment; the audit record carries the counts
            assertThat(ok.tsvRows()).hasSize(144).allSatisfy(r -> assertThat(r[r.length - 1]).isEqualTo("committed"));
            assertThat(ok.out().lines().findFirst().orElseThrow()).endsWith("\treason\tcommitment");
            AuditXml committedAudit = AuditXml.read(AuditXml.newest(data.resolve("audit")));
            assertThat(committedAudit.outcome()).isZero();
            assertThat(committedAudit.studyDetail("StorageCommitment")).containsExactly("committed");
            assertThat(committedAudit.studyDetail("InstancesCommitmentRequested")).containsExactly("144");
            assertThat(committedAudit.studyDetail("InstancesCommitted")).containsExactly("144");
            assertThat(committedAudit.studyDetail("InstancesCommitmentFailed")).containsExactly("0");
            // no report reaches a port Orthanc does not know: not committed, exit 1
            Cli.Result unanswered = Cli.run("import", ge.toString(), "--study", Corpus.GE_STUDY, "--class", "MR-HEAD",
                    "--patient-id", "LOC-5", "--issuer", "HOSP", "--to", orthanc.node().toString(), "--format", "tsv",
                    "--data-dir", data.toString(), "--storage-commitment",
                    Integer.toString(OrthancFixture.freePort()), "--commitment-wait", "2");
            assertThat(unanswered.exitCode()).isEqualTo(1);
            assertThat(unanswered.tsvRows()).hasSize(144)
                    .allSatisfy(r -> assertThat(r[r.length - 1]).isEqualTo("unanswered"));
            AuditXml unansweredAudit = AuditXml.read(AuditXml.newest(data.resolve("audit")));
            assertThat(unansweredAudit.outcome()).as("stored but not known to be committed: minor failure").isEqualTo(4);
            assertThat(unansweredAudit.studyDetail("StorageCommitment")).containsExactly("unanswered");
            assertThat(unansweredAudit.studyDetail("InstancesCommitted")).containsExactly("0");
            assertThat(unansweredAudit.studyDetail("InstancesCommitmentUnanswered")).containsExactly("144");
            try (SendQueue cliQueue = SendQueue.open(data)) {
                assertThat(cliQueue.jobCommitment(cliJob).state()).isEqualTo("unanswered");
            }
        }
    }
}
