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
}
