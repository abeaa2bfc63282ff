package org.importdesk.app.ui.service;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The import history from the audit records the engine writes (DICOM "Data Import" audit messages, one XML file per
 * import in the audit folder), newest first. A file that cannot be parsed is skipped, never fatal.
 */
public final class AuditHistoryService implements HistoryService {

    private final Path auditDirectory;

    public AuditHistoryService(Path auditDirectory) {
        this.auditDirectory = auditDirectory;
    }

    @Override
    public List<Entry> entries() throws IOException {
        if (!Files.isDirectory(auditDirectory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(auditDirectory)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".xml")).toList();
        }
        List<Entry> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(parse(f));
            } catch (Exception e) {
                // a damaged record stays on disk for the auditors; the list shows the others
            }
        }
        out.sort(Comparator.comparing(Entry::when).reversed());
        return out;
    }

    static Entry parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder b = f.newDocumentBuilder();
        Document d = b.parse(file.toFile());
        Element event = first(d.getDocumentElement(), "EventIdentification");
        Instant when = OffsetDateTime.parse(event.getAttribute("EventDateTime")).toInstant();
        int outcome = Integer.parseInt(event.getAttribute("EventOutcomeIndicator"));
        String user = "";
        String medium = "";
        NodeList participants = d.getElementsByTagName("ActiveParticipant");
        for (int i = 0; i < participants.getLength(); i++) {
            Element p = (Element) participants.item(i);
            Element role = first(p, "RoleIDCode");
            if (role == null && "true".equals(p.getAttribute("UserIsRequestor"))) {
                user = p.getAttribute("UserID");
            } else if (role != null && "110155".equals(role.getAttribute("csd-code"))) {
                medium = p.getAttribute("UserID");
            }
        }
        String study = "";
        String proposed = "";
        String confirmed = "";
        int sent = 0;
        int present = 0;
        int failed = 0;
        int missing = 0;
        String commitment = "";
        int requested = 0;
        int committed = 0;
        int commitFailed = 0;
        String local = "";
        String external = "";
        NodeList objects = d.getElementsByTagName("ParticipantObjectIdentification");
        for (int i = 0; i < objects.getLength(); i++) {
            Element o = (Element) objects.item(i);
            if ("2".equals(o.getAttribute("ParticipantObjectTypeCode"))) {
                study = o.getAttribute("ParticipantObjectID");
                Element accession = first(o, "Accession");
                if (accession != null) {
                    study = "Acc. " + accession.getAttribute("Number") + " · " + study;
                }
                proposed = detail(o, "ProposedClass");
                confirmed = detail(o, "ConfirmedClass");
                sent = number(detail(o, "InstancesSent"));
                present = number(detail(o, "InstancesAlreadyPresent"));
                failed = number(detail(o, "InstancesFailed"));
                missing = number(detail(o, "InstancesMissing"));
                commitment = detail(o, "StorageCommitment");
                requested = number(detail(o, "InstancesCommitmentRequested"));
                committed = number(detail(o, "InstancesCommitted"));
                commitFailed = number(detail(o, "InstancesCommitmentFailed"));
            } else if ("1".equals(o.getAttribute("ParticipantObjectTypeCode"))) {
                Element name = first(o, "ParticipantObjectName");
                local = (name == null ? "" : name.getTextContent() + " · ") + o.getAttribute("ParticipantObjectID");
                external = detail(o, "ExternalPatientName") + " · " + detail(o, "ExternalPatientID");
            }
        }
        String transfer = missing == 0 && failed == 0 ? "complete" : sent + present > 0 ? "incomplete (" + missing
                + " missing)" : "failed";
        String outcomeText = transfer + commitmentText(commitment, requested, committed, commitFailed);
        return new Entry(when, user, medium, external, local, study, proposed, confirmed, sent + present, failed + missing,
                outcomeText);
    }

    /** How storage commitment ended, appended to the outcome; empty for records without it or not requested. */
    static String commitmentText(String state, int requested, int committed, int failed) {
        return switch (state) {
            case "committed" -> ", committed (" + committed + ")";
            case "partial" -> ", NOT COMMITTED: " + (requested - committed) + " of " + requested
                    + (failed > 0 ? " (" + failed + " refused)" : "");
            case "failed" -> ", NOT COMMITTED: PACS refused all " + requested;
            case "unanswered" -> ", commitment not answered";
            case "request-failed" -> ", commitment request failed";
            default -> "";
        };
    }

    private static Element first(Element parent, String tag) {
        NodeList l = parent.getElementsByTagName(tag);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    private static String detail(Element parent, String type) {
        NodeList l = parent.getElementsByTagName("ParticipantObjectDetail");
        for (int i = 0; i < l.getLength(); i++) {
            Element e = (Element) l.item(i);
            if (type.equals(e.getAttribute("type"))) {
                return new String(Base64.getDecoder().decode(e.getAttribute("value")), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
