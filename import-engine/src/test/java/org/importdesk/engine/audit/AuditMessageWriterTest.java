package org.importdesk.engine.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditMessageWriterTest {
    private static ImportAuditRecord record(int sent, int failed, int missing) {
        return new ImportAuditRecord(OffsetDateTime.parse("2026-11-22T01:00:00Z"), "radiographer", "desk1", "/media/cd",
                "EXT-1", "OTHER", "MUELLER^HANS", "LOC-1", "HOSP", "Müller^Hans", "1.2.3", "ACC-1", "PACS@pacs:104",
                "MR-HEAD", "MR-HEAD", Map.of("1.2.840.10008.5.1.4.1.1.4", 144), sent, 0, failed, missing);
    }

    @Test
    void theMessageIsADataImportEventWithStudyPatientMediaAndCounts(@TempDir Path dir) throws Exception {
        Path file = new AuditMessageWriter().store(record(144, 0, 0), dir);
        assertThat(file).exists();
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element id = (Element) d.getElementsByTagName("EventIdentification").item(0);
        assertThat(id.getAttribute("EventActionCode")).isEqualTo("C");
        assertThat(id.getAttribute("EventOutcomeIndicator")).isEqualTo("0");
        Element eventId = (Element) d.getElementsByTagName("EventID").item(0);
        assertThat(eventId.getAttribute("csd-code")).isEqualTo("110107");
        assertThat(eventId.getAttribute("codeSystemName")).isEqualTo("DCM");
        String xml = Files.readString(file);
        assertThat(xml).contains("csd-code=\"110155\"").contains("ParticipantObjectID=\"1.2.3\"")
                .contains("csd-code=\"110180\"").contains("NumberOfInstances=\"144\"")
                .contains("ParticipantObjectID=\"LOC-1^^^HOSP\"").contains("Number=\"ACC-1\"");
        assertThat(d.getElementsByTagName("ParticipantObjectDetail").getLength()).isGreaterThanOrEqualTo(6);
        boolean hasExternal = false;
        for (int i = 0; i < d.getElementsByTagName("ParticipantObjectDetail").getLength(); i++) {
            Element e = (Element) d.getElementsByTagName("ParticipantObjectDetail").item(i);
            if (e.getAttribute("type").equals("ExternalPatientID")) {
                hasExternal = new String(Base64.getDecoder().decode(e.getAttribute("value"))).equals("EXT-1^^^OTHER");
            }
        }
        assertThat(hasExternal).isTrue();
    }

    @Test
    void outcomeSaysWhetherInstancesAreMissing() {
        assertThat(record(144, 0, 0).outcomeIndicator()).isZero();
        assertThat(record(100, 0, 44).outcomeIndicator()).isEqualTo(4);
        assertThat(record(0, 144, 144).outcomeIndicator()).isEqualTo(8);
    }

    private static Map<String, java.util.List<String>> studyDetails(String xml) throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Map<String, java.util.List<String>> out = new java.util.LinkedHashMap<>();
        org.w3c.dom.NodeList objects = d.getElementsByTagName("ParticipantObjectIdentification");
        for (int i = 0; i < objects.getLength(); i++) {
            Element o = (Element) objects.item(i);
            if (!o.getAttribute("ParticipantObjectTypeCode").equals("2")) {
                continue;
            }
            org.w3c.dom.NodeList details = o.getElementsByTagName("ParticipantObjectDetail");
            for (int j = 0; j < details.getLength(); j++) {
                Element e = (Element) details.item(j);
                out.computeIfAbsent(e.getAttribute("type"), k -> new java.util.ArrayList<>())
                        .add(new String(Base64.getDecoder().decode(e.getAttribute("value")),
                                java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String outcome(String xml) {
        return xml.replaceAll("(?s).*EventOutcomeIndicator=\"(\\d+)\".*", "$1");
    }

    @Test
    void withoutCommitmentTheStudySaysNotRequestedAndHasNoCommitmentCounts() throws Exception {
        String xml = new AuditMessageWriter().toXml(record(144, 0, 0));
        Map<String, java.util.List<String>> details = studyDetails(xml);
        assertThat(details.get("StorageCommitment")).containsExactly("not-requested");
        assertThat(details).doesNotContainKeys("InstancesCommitted", "CommitmentFailure", "CommitmentTransactionUID");
        assertThat(outcome(xml)).isEqualTo("0");
    }

    @Test
    void fullCommitmentIsRecordedWithCountsAndTransaction() throws Exception {
        ImportAuditRecord r = record(144, 0, 0).withCommitment(
                StorageCommitmentAudit.of("1.2.3.99", 144, 144, Map.of(), 0));
        String xml = new AuditMessageWriter().toXml(r);
        Map<String, java.util.List<String>> details = studyDetails(xml);
        assertThat(details.get("StorageCommitment")).containsExactly("committed");
        assertThat(details.get("CommitmentTransactionUID")).containsExactly("1.2.3.99");
        assertThat(details.get("InstancesCommitmentRequested")).containsExactly("144");
        assertThat(details.get("InstancesCommitted")).containsExactly("144");
        assertThat(details.get("InstancesCommitmentFailed")).containsExactly("0");
        assertThat(details.get("InstancesCommitmentUnanswered")).containsExactly("0");
        assertThat(outcome(xml)).isEqualTo("0");
    }

    @Test
    void partialCommitmentListsEachFailedInstanceWithReasonAndIsAMinorFailure() throws Exception {
        Map<String, Integer> failures = new java.util.LinkedHashMap<>();
        failures.put("1.2.3.4.10", 0x0112);
        failures.put("1.2.3.4.11", 0x0110);
        ImportAuditRecord r = record(144, 0, 0).withCommitment(
                StorageCommitmentAudit.of("1.2.3.98", 144, 141, failures, 1));
        String xml = new AuditMessageWriter().toXml(r);
        Map<String, java.util.List<String>> details = studyDetails(xml);
        assertThat(details.get("StorageCommitment")).containsExactly("partial");
        assertThat(details.get("InstancesCommitted")).containsExactly("141");
        assertThat(details.get("InstancesCommitmentFailed")).containsExactly("2");
        assertThat(details.get("InstancesCommitmentUnanswered")).containsExactly("1");
        assertThat(details.get("CommitmentFailure")).containsExactly(
                "1.2.3.4.10 0112 no such object instance", "1.2.3.4.11 0110 processing failure");
        assertThat(outcome(xml)).isEqualTo("4");
        assertThat(r.outcomeIndicator()).isEqualTo(4);
    }

    @Test
    void commitmentStateDecidesTheOutcomeTogetherWithTheTransfer() {
        assertThat(record(144, 0, 0).withCommitment(StorageCommitmentAudit.of("1.9", 144, 0, Map.of(), 144))
                .outcomeIndicator()).as("no report in time").isEqualTo(4);
        assertThat(record(144, 0, 0).withCommitment(StorageCommitmentAudit.requestFailed("refused"))
                .outcomeIndicator()).isEqualTo(4);
        assertThat(record(1, 0, 0).withCommitment(StorageCommitmentAudit.of("1.9", 1, 0, Map.of("1.2", 0x0110), 0))
                .outcomeIndicator()).as("every instance refused").isEqualTo(8);
        assertThat(StorageCommitmentAudit.of("1.9", 144, 0, Map.of(), 144).state())
                .isEqualTo(StorageCommitmentAudit.State.UNANSWERED);
        assertThat(record(0, 144, 144).withCommitment(StorageCommitmentAudit.of("1.9", 3, 3, Map.of(), 0))
                .outcomeIndicator()).as("a committed remainder does not hide a failed transfer").isEqualTo(8);
    }

    @Test
    void aFailedRequestKeepsItsReason() throws Exception {
        String xml = new AuditMessageWriter().toXml(record(144, 0, 0)
                .withCommitment(StorageCommitmentAudit.requestFailed("ORTHANC refused N-ACTION: 0110")));
        Map<String, java.util.List<String>> details = studyDetails(xml);
        assertThat(details.get("StorageCommitment")).containsExactly("request-failed");
        assertThat(details.get("CommitmentNote")).containsExactly("ORTHANC refused N-ACTION: 0110");
        assertThat(details).doesNotContainKey("InstancesCommitted");
    }
}
