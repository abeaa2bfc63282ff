package org.importdesk.send;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Reads a Data Import audit message back for assertions: the outcome and the study's details (decoded). */
record AuditXml(Document document) {

    static AuditXml read(Path file) throws Exception {
        return new AuditXml(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()));
    }

    /** The newest audit file in a folder (names start with the event time). */
    static Path newest(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".xml"))
                    .max(Comparator.comparing(p -> p.getFileName().toString())).orElseThrow();
        }
    }

    int outcome() {
        Element e = (Element) document.getElementsByTagName("EventIdentification").item(0);
        return Integer.parseInt(e.getAttribute("EventOutcomeIndicator"));
    }

    /** The values of every detail of that type on the study participant object, in order. */
    List<String> studyDetail(String type) {
        List<String> out = new ArrayList<>();
        NodeList objects = document.getElementsByTagName("ParticipantObjectIdentification");
        for (int i = 0; i < objects.getLength(); i++) {
            Element o = (Element) objects.item(i);
            if (!"2".equals(o.getAttribute("ParticipantObjectTypeCode"))) {
                continue;
            }
            NodeList details = o.getElementsByTagName("ParticipantObjectDetail");
            for (int j = 0; j < details.getLength(); j++) {
                Element d = (Element) details.item(j);
                if (type.equals(d.getAttribute("type"))) {
                    out.add(new String(Base64.getDecoder().decode(d.getAttribute("value")), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
