package org.importdesk.engine.audit;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

/**
 * Writes an {@link ImportAuditRecord} as a DICOM audit message (PS3.15 A.5, "Data Import" A.5.3.7): event 110107,
 * the importing process (Destination Role ID 110152, requestor), the source media (110155), the user, the patient
 * (local identity; the external one as a detail), and the study with its SOP classes and instance counts.
 *
 * <p>Storage commitment goes into the study's participant object as details: {@code StorageCommitment} (a
 * {@link StorageCommitmentAudit.State#code()}), and when it was requested {@code CommitmentTransactionUID},
 * {@code InstancesCommitmentRequested}, {@code InstancesCommitted}, {@code InstancesCommitmentFailed},
 * {@code InstancesCommitmentUnanswered}, one {@code CommitmentFailure} per refused instance ("UID XXXX text", XXXX the
 * Failure Reason in hex) and {@code CommitmentNote} when the request itself failed. Detail values are base64, as
 * RFC 3881 / PS3.15 define them.
 */
public final class AuditMessageWriter {
    private static final String DCM = "DCM";

    public String toXml(ImportAuditRecord r) {
        StringWriter w = new StringWriter();
        try {
            write(r, w);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write audit message", e);
        }
        return w.toString();
    }

    /** Writes the message into {@code dir} (created when absent); returns the file. Atomic: never half a file. */
    public Path store(ImportAuditRecord r, Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = "import-" + r.when().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")) + "-"
                + Integer.toHexString(r.studyInstanceUid().hashCode()) + ".xml";
        Path tmp = dir.resolve(name + ".tmp");
        Files.writeString(tmp, toXml(r), StandardCharsets.UTF_8);
        return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void write(ImportAuditRecord r, Writer out) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("AuditMessage");

        x.writeStartElement("EventIdentification");
        x.writeAttribute("EventActionCode", "C");
        x.writeAttribute("EventDateTime", r.when().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        x.writeAttribute("EventOutcomeIndicator", Integer.toString(r.outcomeIndicator()));
        code(x, "EventID", "110107", DCM, "Import");
        x.writeEndElement();

        // the importing process, which the user started
        x.writeStartElement("ActiveParticipant");
        x.writeAttribute("UserID", "ImportDesk@" + r.workstation());
        x.writeAttribute("UserIsRequestor", "true");
        x.writeAttribute("NetworkAccessPointID", r.workstation());
        x.writeAttribute("NetworkAccessPointTypeCode", "1");
        code(x, "RoleIDCode", "110152", DCM, "Destination Role ID");
        x.writeEndElement();

        x.writeStartElement("ActiveParticipant");
        x.writeAttribute("UserID", r.user());
        x.writeAttribute("UserIsRequestor", "true");
        x.writeEndElement();

        x.writeStartElement("ActiveParticipant");
        x.writeAttribute("UserID", r.medium());
        x.writeAttribute("UserIsRequestor", "false");
        code(x, "RoleIDCode", "110155", DCM, "Source Media");
        x.writeStartElement("MediaIdentifier");
        code(x, "MediaType", "110033", DCM, "DVD");
        x.writeEndElement();
        x.writeEndElement();

        x.writeStartElement("ActiveParticipant");
        x.writeAttribute("UserID", r.destination());
        x.writeAttribute("UserIsRequestor", "false");
        x.writeAttribute("AlternativeUserID", r.destination());
        code(x, "RoleIDCode", "110152", DCM, "Destination Role ID");
        x.writeEndElement();

        x.writeStartElement("AuditSourceIdentification");
        x.writeAttribute("AuditSourceID", "ImportDesk@" + r.workstation());
        x.writeStartElement("AuditSourceTypeCode");
        x.writeAttribute("csd-code", "4");
        x.writeAttribute("codeSystemName", "DCM");
        x.writeAttribute("originalText", "Application Server Process");
        x.writeEndElement();
        x.writeEndElement();

        // the study
        x.writeStartElement("ParticipantObjectIdentification");
        x.writeAttribute("ParticipantObjectID", r.studyInstanceUid());
        x.writeAttribute("ParticipantObjectTypeCode", "2");
        x.writeAttribute("ParticipantObjectTypeCodeRole", "3");
        code(x, "ParticipantObjectIDTypeCode", "110180", DCM, "Study Instance UID");
        detail(x, "ProposedClass", r.proposedClass());
        detail(x, "ConfirmedClass", r.confirmedClass());
        detail(x, "InstancesSent", Integer.toString(r.sent()));
        detail(x, "InstancesAlreadyPresent", Integer.toString(r.present()));
        detail(x, "InstancesFailed", Integer.toString(r.failed()));
        detail(x, "InstancesMissing", Integer.toString(r.missing()));
        commitment(x, r.commitment());
        x.writeStartElement("ParticipantObjectDescription");
        if (!r.accessionNumber().isEmpty()) {
            x.writeStartElement("Accession");
            x.writeAttribute("Number", r.accessionNumber());
            x.writeEndElement();
        }
        for (Map.Entry<String, Integer> e : r.sopClassCounts().entrySet()) {
            x.writeStartElement("SOPClass");
            x.writeAttribute("UID", e.getKey());
            x.writeAttribute("NumberOfInstances", Integer.toString(e.getValue()));
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndElement();

        // the patient under the local identity; the external identity as details
        x.writeStartElement("ParticipantObjectIdentification");
        x.writeAttribute("ParticipantObjectID", qualified(r.localPatientId(), r.localIssuer()));
        x.writeAttribute("ParticipantObjectTypeCode", "1");
        x.writeAttribute("ParticipantObjectTypeCodeRole", "1");
        code(x, "ParticipantObjectIDTypeCode", "2", "RFC-3881", "Patient Number");
        x.writeStartElement("ParticipantObjectName");
        x.writeCharacters(r.localPatientName());
        x.writeEndElement();
        detail(x, "ExternalPatientID", qualified(r.externalPatientId(), r.externalIssuer()));
        detail(x, "ExternalPatientName", r.externalPatientName());
        x.writeEndElement();

        x.writeEndElement();
        x.writeEndDocument();
        x.close();
    }

    private static void commitment(XMLStreamWriter x, StorageCommitmentAudit c) throws XMLStreamException {
        detail(x, "StorageCommitment", c.state().code());
        if (!c.transactionUid().isEmpty()) {
            detail(x, "CommitmentTransactionUID", c.transactionUid());
        }
        if (c.requested() > 0) {
            detail(x, "InstancesCommitmentRequested", Integer.toString(c.requested()));
            detail(x, "InstancesCommitted", Integer.toString(c.committed()));
            detail(x, "InstancesCommitmentFailed", Integer.toString(c.failures().size()));
            detail(x, "InstancesCommitmentUnanswered", Integer.toString(c.unanswered()));
        }
        for (Map.Entry<String, Integer> f : c.failures().entrySet()) {
            detail(x, "CommitmentFailure", f.getKey() + " " + String.format("%04X", f.getValue()) + " "
                    + StorageCommitmentAudit.reasonText(f.getValue()));
        }
        if (!c.note().isEmpty()) {
            detail(x, "CommitmentNote", c.note());
        }
    }

    private static String qualified(String id, String issuer) {
        return issuer == null || issuer.isEmpty() ? id : id + "^^^" + issuer;
    }

    private static void code(XMLStreamWriter x, String element, String code, String system, String text)
            throws XMLStreamException {
        x.writeStartElement(element);
        x.writeAttribute("csd-code", code);
        x.writeAttribute("codeSystemName", system);
        x.writeAttribute("originalText", text);
        x.writeEndElement();
    }

    private static void detail(XMLStreamWriter x, String type, String value) throws XMLStreamException {
        x.writeStartElement("ParticipantObjectDetail");
        x.writeAttribute("type", type);
        x.writeAttribute("value", Base64.getEncoder().encodeToString(
                (value == null ? "" : value).getBytes(StandardCharsets.UTF_8)));
        x.writeEndElement();
    }
}
