package org.importdesk.send;

import org.importdesk.app.ui.service.AuditHistoryService;
import org.importdesk.app.ui.service.EngineImportService;
import org.importdesk.app.ui.service.HistoryService;
import org.importdesk.app.ui.service.ImportService;
import org.importdesk.app.ui.service.ReconciliationService;
import org.importdesk.app.ui.service.WorkstationSettings;
import org.importdesk.engine.audit.StorageCommitmentAudit;
import org.importdesk.engine.config.AppDirectories;
import org.importdesk.engine.config.ConfigLocations;
import org.importdesk.engine.demo.DemoMedium;
import org.importdesk.engine.media.MediumReader;
import org.importdesk.engine.media.MediumScan;
import org.importdesk.engine.media.PatientRecord;
import org.importdesk.engine.media.StudyRecord;
import org.importdesk.engine.send.SendItems;
import org.importdesk.engine.send.SendQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The workstation's import (the UI's service) with storage commitment configured ({@code commitment.port}) against a
 * real Orthanc that reports to that port: the result, the audit record and the History say the study is committed;
 * with a port Orthanc does not know, they say the commitment went unanswered, and the import is not finished.
 */
class WorkstationCommitmentTest {

    @Test
    void theImportScreenAndTheHistoryShowWhatStorageCommitmentReported(@TempDir Path tmp) throws Exception {
        assumeTrue(OrthancFixture.available(), OrthancFixture.absentMessage());
        Path cd = tmp.resolve("cd");
        DemoMedium.write(cd);
        int reportPort = OrthancFixture.freePort();
        try (OrthancFixture orthanc = OrthancFixture.start(tmp.resolve("orthanc"), false, "IMPORTDESK", reportPort);
             MediumScan scan = new MediumReader().read(cd)) {
            StudyRecord study = scan.studies().stream().min(Comparator.comparingInt(s -> SendItems.of(s).size()))
                    .orElseThrow();
            PatientRecord patient = scan.patientOf(study).orElseThrow();
            ImportService.Request request = new ImportService.Request(study, "CT-HEAD", "CT Kopf", "CT-HEAD", patient,
                    new ReconciliationService.Candidate("LOC-77", "HOSP", "TEST^PATIENT", "19700101", "F", "", 1.0,
                            "test", List.of(), false, true), "tester", cd.toString());
            int instances = SendItems.of(study).size();
            Path data = tmp.resolve("data");

            ImportService.Result committed = importWith(tmp, "known", orthanc, reportPort, 20).send(request,
                    (s, f, t, r, m) -> { });
            assertThat(committed.outcome()).as(committed.problems().toString()).isEqualTo(ImportService.Outcome.COMPLETE);
            assertThat(committed.commitment().state()).isEqualTo(StorageCommitmentAudit.State.COMMITTED);
            assertThat(committed.commitment().committed()).isEqualTo(instances);
            assertThat(committed.finished()).isTrue();
            HistoryService.Entry first = new AuditHistoryService(data.resolve("audit")).entries().get(0);
            assertThat(first.outcome()).isEqualTo("complete, committed (" + instances + ")");
            AuditXml audit = AuditXml.read(AuditXml.newest(data.resolve("audit")));
            assertThat(audit.outcome()).isZero();
            assertThat(audit.studyDetail("InstancesCommitted")).containsExactly(Integer.toString(instances));

            // a port Orthanc has not been told about: no report comes; stored, but not known to be committed
            Thread.sleep(2); // audit file names carry milliseconds
            ImportService.Result unanswered = importWith(tmp, "unknown", orthanc, OrthancFixture.freePort(), 2)
                    .send(request, (s, f, t, r, m) -> { });
            assertThat(unanswered.outcome()).isEqualTo(ImportService.Outcome.COMPLETE);
            assertThat(unanswered.sent() + unanswered.alreadyPresent()).isEqualTo(instances);
            assertThat(unanswered.commitment().state()).isEqualTo(StorageCommitmentAudit.State.UNANSWERED);
            assertThat(unanswered.finished()).isFalse();
            assertThat(unanswered.problems()).first().asString().startsWith("storage commitment not answered in time");
            List<HistoryService.Entry> history = new AuditHistoryService(data.resolve("audit")).entries();
            assertThat(history).extracting(HistoryService.Entry::outcome)
                    .containsExactly("complete, commitment not answered", "complete, committed (" + instances + ")");
            assertThat(AuditXml.read(AuditXml.newest(data.resolve("audit"))).outcome()).isEqualTo(4);
            try (SendQueue queue = SendQueue.open(data)) {
                String job = org.importdesk.engine.send.StudySender.jobId(orthanc.node(), study.studyInstanceUid(),
                        "LOC-77", false);
                assertThat(queue.jobCommitment(job).state()).isEqualTo("unanswered");
                assertThat(queue.commitments(job).values()).hasSize(instances).containsOnly("unanswered");
            }
        }
    }

    /** An import service whose site file names Orthanc as the PACS and {@code port} for commitment reports. */
    private static EngineImportService importWith(Path tmp, String name, OrthancFixture orthanc, int port, int wait)
            throws Exception {
        Path site = tmp.resolve("site-" + name + ".properties");
        Files.writeString(site, "station.aet=IMPORTDESK\npacs.main=" + orthanc.node().aeTitle() + "@127.0.0.1:"
                + orthanc.dicomPort() + "\ncommitment.port=" + port + "\ncommitment.waitSeconds=" + wait + "\n");
        WorkstationSettings settings = new WorkstationSettings(new ConfigLocations(
                AppDirectories.under(tmp.resolve("user")), site));
        assertThat(settings.current().commitment().timeout()).isEqualTo(Duration.ofSeconds(wait));
        return new EngineImportService(settings, tmp.resolve("data"), Duration.ofSeconds(30));
    }
}
