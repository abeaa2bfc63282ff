package org.importdesk.send;

import org.importdesk.engine.dicom.DicomInstance;
import org.importdesk.engine.dicom.DicomTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Must show: the GE MR study arrives complete, under the local identity, originals kept, pixel data bit-identical. */
class GeStudyImportTest {

    @Test
    void geStudyArrivesCompleteUnderTheLocalIdentityWithOriginalsKeptAndIdenticalPixels(@TempDir Path tmp)
            throws Exception {
        Path ge = Corpus.corpus("dcm_qa_ge");
        assumeTrue(Files.isDirectory(ge), "../shared/corpus absent: " + ge);
        assumeTrue(OrthancFixture.available(), OrthancFixture.absentMessage());
        try (OrthancFixture orthanc = OrthancFixture.start(tmp.resolve("orthanc"))) {
            Cli.Result r = Cli.run("import", ge.toString(), "--study", Corpus.GE_STUDY, "--class", "MR-HEAD",
                    "--class-name", "MR Kopf", "--patient-id", "LOC-4711", "--issuer", "HOSP-A",
                    "--patient-name", "Müller^Hans", "--birth-date", "19600101", "--sex", "M", "--accession", "ACC-1",
                    "--to", orthanc.node().toString(), "--format", "tsv", "--data-dir", tmp.resolve("data").toString());

            assertThat(r.exitCode()).as(r.out()).isZero();
            List<String[]> rows = r.tsvRows();
            assertThat(rows).hasSize(144);
            assertThat(rows).allSatisfy(row -> {
                assertThat(row[2]).isEqualTo("sent");
                assertThat(row[4]).isEqualTo("yes");
            });
            assertThat(orthanc.instanceCount()).isEqualTo(144);
            assertThat(Files.list(tmp.resolve("data/audit")).toList()).hasSize(1);

            List<Path> files;
            try (Stream<Path> s = Files.walk(ge)) {
                files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".txt")).toList();
            }
            assertThat(files).hasSize(144);
            for (Path f : files) {
                DicomInstance source = DicomInstance.read(f);
                String id = lookup(orthanc, source.sopInstanceUid());
                String tags = orthanc.get("/instances/" + id + "/tags?simplify");
                String originalId = source.attributes().string(DicomTag.PATIENT_ID);
                assertThat(value(tags, "PatientID")).isEqualTo("LOC-4711");
                assertThat(value(tags, "IssuerOfPatientID")).isEqualTo("HOSP-A");
                assertThat(value(tags, "PatientName")).isEqualTo("Müller^Hans");
                assertThat(value(tags, "AccessionNumber")).isEqualTo("ACC-1");
                assertThat(value(tags, "StudyDescription")).isEqualTo("MR Kopf");
                assertThat(value(tags, "StudyInstanceUID")).isEqualTo(Corpus.GE_STUDY);
                assertThat(value(tags, "SeriesInstanceUID")).isEqualTo(source.seriesInstanceUid());
                assertThat(tags).contains("\"InstanceCoercionDateTime\"");
                assertThat(section(tags, "OtherPatientIDsSequence"))
                        .contains("\"PatientID\" : \"" + originalId + "\"").contains("\"TEXT\"");
                String original = section(tags, "OriginalAttributesSequence");
                assertThat(original).contains("\"ReasonForTheAttributeModification\" : \"COERCE\"")
                        .contains("\"ModifyingSystem\" : \"ImportDesk\"")
                        .contains("\"PatientID\" : \"" + originalId + "\"");
                // native pixel data: Orthanc lists it as one item "0" whose content is the element's raw value
                assertThat(orthanc.get("/instances/" + id + "/content/7fe0-0010")).contains("\"0\"");
                byte[] pacsPixels = orthanc.getBytes("/instances/" + id + "/content/7fe0-0010/0");
                byte[] sourcePixels = source.attributes().bytes(DicomTag.PIXEL_DATA);
                assertThat(sourcePixels).isNotEmpty();
                assertThat(Arrays.equals(pacsPixels, sourcePixels))
                        .as("pixel data of %s: %d bytes in the PACS, %d in the source", f, pacsPixels.length,
                                sourcePixels.length)
                        .isTrue();
            }
        }
    }

    static String lookup(OrthancFixture orthanc, String sopInstanceUid) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + orthancHttpPort(orthanc)
                + "/tools/lookup").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.getOutputStream().write(sopInstanceUid.getBytes(StandardCharsets.US_ASCII));
        String json = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"ID\"\\s*:\\s*\"([^\"]+)\"[^}]*\"Type\"\\s*:\\s*\"Instance\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("instance " + sopInstanceUid + " not in Orthanc: " + json);
        }
        return m.group(1);
    }

    private static int orthancHttpPort(OrthancFixture o) {
        return o.httpPort();
    }

    /** The first top-level "key" : "value" in Orthanc's simplified JSON (crude, enough for these tags). */
    static String value(String json, String key) {
        Matcher m = Pattern.compile("\\n   \"" + key + "\" : \"([^\"]*)\"").matcher(json);
        return m.find() ? unescape(m.group(1)) : null;
    }

    static String unescape(String s) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** The text of a top-level sequence in Orthanc's simplified JSON. */
    static String section(String json, String key) {
        Matcher m = Pattern.compile("\\n   \"" + key + "\" :\\s*\\[").matcher(json);
        int i = m.find() ? m.start() : -1;
        if (i < 0) {
            return "";
        }
        int end = json.indexOf("\n   ]", i);
        return json.substring(i, end < 0 ? json.length() : end);
    }
}
