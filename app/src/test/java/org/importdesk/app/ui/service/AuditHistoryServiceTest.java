package org.importdesk.app.ui.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The history reads the Data Import audit messages (the engine's format), newest first; damaged files are skipped. */
class AuditHistoryServiceTest {

    @TempDir
    Path dir;

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String message(String when, int outcome, String confirmed, int sent, int missing) {
        return """
                <?xml version="1.0" encoding="UTF-8"?><AuditMessage>
                <EventIdentification EventActionCode="C" EventDateTime="%s" EventOutcomeIndicator="%d"><EventID csd-code="110107" codeSystemName="DCM" originalText="Import"/></EventIdentification>
                <ActiveParticipant UserID="ImportDesk@desk1" UserIsRequestor="true" NetworkAccessPointID="desk1" NetworkAccessPointTypeCode="1"><RoleIDCode csd-code="110152" codeSystemName="DCM" originalText="Destination Role ID"/></ActiveParticipant>
                <ActiveParticipant UserID="anna" UserIsRequestor="true"/>
                <ActiveParticipant UserID="/media/cdrom" UserIsRequestor="false"><RoleIDCode csd-code="110155" codeSystemName="DCM" originalText="Source Media"/><MediaIdentifier><MediaType csd-code="110033" codeSystemName="DCM" originalText="DVD"/></MediaIdentifier></ActiveParticipant>
                <ParticipantObjectIdentification ParticipantObjectID="1.2.3" ParticipantObjectTypeCode="2" ParticipantObjectTypeCodeRole="3">
                  <ParticipantObjectIDTypeCode csd-code="110180" codeSystemName="DCM" originalText="Study Instance UID"/>
                  <ParticipantObjectDetail type="ProposedClass" value="%s"/><ParticipantObjectDetail type="ConfirmedClass" value="%s"/>
                  <ParticipantObjectDetail type="InstancesSent" value="%s"/><ParticipantObjectDetail type="InstancesAlreadyPresent" value="%s"/>
                  <ParticipantObjectDetail type="InstancesFailed" value="%s"/><ParticipantObjectDetail type="InstancesMissing" value="%s"/>
                  <ParticipantObjectDescription><Accession Number="A77"/></ParticipantObjectDescription>
                </ParticipantObjectIdentification>
                <ParticipantObjectIdentification ParticipantObjectID="L123^^^HOSP" ParticipantObjectTypeCode="1" ParticipantObjectTypeCodeRole="1">
                  <ParticipantObjectName>MUELLER^ANNA</ParticipantObjectName>
                  <ParticipantObjectDetail type="ExternalPatientID" value="%s"/><ParticipantObjectDetail type="ExternalPatientName" value="%s"/>
                </ParticipantObjectIdentification></AuditMessage>
                """.formatted(when, outcome, b64("CTS"), b64(confirmed), b64(Integer.toString(sent)), b64("0"), b64("0"),
                b64(Integer.toString(missing)), b64("KN-1^^^KLINIKUM NORD"), b64("MÜLLER^ANNA"));
    }

    @Test
    void newestFirstWithOutcomeAndSearchText() throws Exception {
        Files.writeString(dir.resolve("import-1.xml"), message("2026-11-21T10:00:00+01:00", 0, "CTS", 48, 0));
        Files.writeString(dir.resolve("import-2.xml"), message("2026-11-22T09:30:00+01:00", 4, "CTSH", 40, 8));
        Files.writeString(dir.resolve("import-3.xml"), "<AuditMessage><broken");
        Files.writeString(dir.resolve("notes.txt"), "not an audit record");

        List<HistoryService.Entry> entries = new AuditHistoryService(dir).entries();

        assertThat(entries).hasSize(2);
        HistoryService.Entry newest = entries.get(0);
        assertThat(newest.confirmedClass()).isEqualTo("CTSH");
        assertThat(newest.outcome()).isEqualTo("incomplete (8 missing)");
        assertThat(newest.user()).isEqualTo("anna");
        assertThat(newest.medium()).isEqualTo("/media/cdrom");
        assertThat(newest.localPatient()).contains("L123");
        assertThat(newest.externalPatient()).contains("MÜLLER^ANNA").contains("KN-1");
        assertThat(newest.searchText()).contains("cts").contains("a77");
        assertThat(entries.get(1).outcome()).isEqualTo("complete");
        assertThat(entries.get(1).sent()).isEqualTo(48);
    }

    @Test
    void noFolderMeansNoHistory() throws Exception {
        assertThat(new AuditHistoryService(dir.resolve("absent")).entries()).isEmpty();
    }

    private static org.importdesk.engine.audit.ImportAuditRecord written(String when, int sent, int missing) {
        return new org.importdesk.engine.audit.ImportAuditRecord(java.time.OffsetDateTime.parse(when), "anna", "desk1",
                "/media/cdrom", "KN-1", "KLINIKUM NORD", "MÜLLER^ANNA", "L123", "HOSP", "MUELLER^ANNA", "1.2.3", "A77",
                "PACS@pacs:104", "CTS", "CTS", java.util.Map.of("1.2.840.10008.5.1.4.1.1.2", sent + missing), sent, 0, 0,
                missing);
    }

    @Test
    void theOutcomeSaysWhatStorageCommitmentReported() throws Exception {
        var writer = new org.importdesk.engine.audit.AuditMessageWriter();
        writer.store(written("2026-11-22T08:00:00Z", 48, 0), dir);
        writer.store(written("2026-11-22T09:00:00Z", 48, 0).withCommitment(
                org.importdesk.engine.audit.StorageCommitmentAudit.of("1.9.1", 48, 48, java.util.Map.of(), 0)), dir);
        writer.store(written("2026-11-22T10:00:00Z", 48, 0).withCommitment(
                org.importdesk.engine.audit.StorageCommitmentAudit.of("1.9.2", 48, 46,
                        java.util.Map.of("1.2.3.4.5", 0x0112, "1.2.3.4.6", 0x0112), 0)), dir);
        writer.store(written("2026-11-22T11:00:00Z", 48, 0).withCommitment(
                org.importdesk.engine.audit.StorageCommitmentAudit.of("1.9.3", 48, 0, java.util.Map.of(), 48)), dir);

        List<HistoryService.Entry> entries = new AuditHistoryService(dir).entries();

        assertThat(entries).extracting(HistoryService.Entry::outcome).containsExactly(
                "complete, commitment not answered",
                "complete, NOT COMMITTED: 2 of 48 (2 refused)",
                "complete, committed (48)",
                "complete");
        assertThat(entries.get(1).searchText()).contains("not committed");
    }
}
