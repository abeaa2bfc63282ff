package org.importdesk.engine.media;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The "must show" on the shared corpus and test media; skipped where ../shared is absent. */
class CorpusMediaTest {

    private static Path shared(String sub) {
        Path root = TestMedia.shared().orElse(null);
        Assumptions.assumeTrue(root != null && Files.exists(root.resolve(sub)),
                "../shared/" + sub + " absent: corpus tests skipped");
        return root.resolve(sub);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DICOMDIR", "DICOMDIR-bigEnd", "DICOMDIR-implicit", "DICOMDIR-nooffset",
            "DICOMDIR-reordered"})
    void everyEncodingOfThePydicomDicomdirGivesTwoPatientsAndThirtyOneInstances(String name) throws Exception {
        Path dicomdir = shared("corpus/pydicom-testfiles/test_files/dicomdirtests").resolve(name);
        try (MediumScan scan = new MediumReader().read(dicomdir)) {
            assertThat(scan.source().readThroughDicomdir()).as("DICOMDIR used, no fallback").isTrue();
            List<MediumFile> referenced = scan.files(FileStatus.OK).stream()
                    .filter(f -> f.header().isPresent()).toList();
            assertThat(referenced).hasSize(31);
            assertThat(referenced.stream().map(f -> f.header().get().patientId()).distinct())
                    .containsExactlyInAnyOrder("77654033", "98890234");
            assertThat(referenced.stream().map(f -> f.header().get().studyInstanceUid()).distinct()).hasSize(6);
            assertThat(referenced.stream().map(f -> f.header().get().seriesInstanceUid()).distinct()).hasSize(13);
            assertThat(scan.files(FileStatus.MISSING, FileStatus.OUTSIDE_MEDIUM, FileStatus.UNREADABLE)).isEmpty();
            // the folder also holds TINY_ALPHA, another medium: found and offered as unreferenced, 1 more patient
            assertThat(scan.files(FileStatus.UNREFERENCED)).hasSize(50)
                    .allMatch(f -> f.displayPath().startsWith("TINY_ALPHA/"));
            assertThat(scan.patients()).hasSize(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdi-disc", "pdi-disc-lowercase"})
    void thePdiDiscsGiveFivePatientsAndSixteenInstancesThroughTheirDicomdir(String disc) throws Exception {
        try (MediumScan scan = new MediumReader().read(shared("media/" + disc))) {
            assertThat(scan.source().readThroughDicomdir()).isTrue();
            assertThat(scan.patients()).hasSize(5);
            assertThat(scan.instances()).hasSize(16);
            assertThat(scan.files(FileStatus.OK)).hasSize(17); // the DICOMDIR and its 16 files
            assertThat(scan.files(FileStatus.UNREFERENCED, FileStatus.MISSING, FileStatus.UNREADABLE)).isEmpty();
            assertThat(scan.files(FileStatus.NOT_DICOM)).extracting(f -> f.displayPath().toUpperCase())
                    .containsExactlyInAnyOrder("README.TXT", "INDEX.HTM", "AUTORUN.INF", "IHE_PDI/INDEX.HTM",
                            "VIEWER/VIEWER.EXE");
            assertThat(scan.severalPatients()).isTrue();
            // the CT has no study date in its file: the date dcmmkdir invented for the DICOMDIR is not taken
            StudyRecord ct = scan.studies().stream()
                    .filter(s -> s.series().get(0).modality().equals("CT")).findFirst().orElseThrow();
            assertThat(ct.studyDate()).isEmpty();
            // the CR's Japanese name (ISO 2022 IR 87) is decoded
            PatientRecord cr = scan.patientOfStudy(scan.studies().stream()
                    .filter(s -> s.series().get(0).modality().equals("CR")).findFirst().orElseThrow()
                    .studyInstanceUid()).orElseThrow();
            assertThat(cr.patientName()).matches(".*[\\u3040-\\u30FF\\u4E00-\\u9FFF].*");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pydicom-testfiles/charset_files/chrH31.dcm|Yamada^Tarou=山田^太郎=やまだ^たろう",
            "pydicom-testfiles/charset_files/chrH32.dcm|ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
            "pydicom-testfiles/charset_files/chrI2.dcm|Hong^Gildong=洪^吉洞=홍^길동",
            "pydicom-testfiles/charset_files/chrKoreanMulti.dcm|김희중",
            "pydicom-testfiles/charset_files/chrX1.dcm|Wang^XiaoDong=王^小東",
            "pydicom-testfiles/charset_files/chrX2.dcm|Wang^XiaoDong=王^小东",
            "pydicom-testfiles/charset_files/chrRuss.dcm|Люкceмбypг",
            "pydicom-testfiles/charset_files/chrGreek.dcm|Διονυσιος",
            "pydicom-testfiles/charset_files/chrArab.dcm|قباني^لنزار",
            "pydicom-testfiles/charset_files/chrHbrw.dcm|שרון^דבורה",
            "pydicom-testfiles/charset_files/chrFren.dcm|Buc^Jérôme",
            "pydicom-testfiles/charset_files/chrGerm.dcm|Äneas^Rüdiger",
            "pydicom-testfiles/charset_files/chrJapMultiExplicitIR6.dcm|やまだ^たろう",
            "fo-dicom/TestData/GH1301.dcm|Wang^XiaoDong=王^小东",
    })
    void patientNamesAreDecodedInTheirCharacterSets(String file, String expectedName) throws Exception {
        try (MediumScan scan = new MediumReader().read(shared("corpus").resolve(file))) {
            assertThat(scan.patients()).hasSize(1);
            assertThat(scan.patients().get(0).patientName()).isEqualTo(expectedName);
        }
    }

    @Test
    void theWholeCorpusIsScannedAndAtLeast99PercentOfItsDicomFilesRead() throws Exception {
        Path corpus = shared("corpus");
        Map<String, String> kinds = manifestKinds(corpus.resolve("MANIFEST.tsv"));
        try (MediumScan scan = new MediumReader().read(corpus)) {
            assertThat(scan.complete()).isTrue();
            Map<String, FileStatus> status = scan.files().stream()
                    .collect(Collectors.toMap(MediumFile::displayPath, MediumFile::status, (a, b) -> a));
            List<String> dicom = kinds.entrySet().stream().filter(e -> e.getValue().equals("DICOM"))
                    .map(Map.Entry::getKey).toList();
            long read = dicom.stream().filter(p -> status.containsKey(p) && (status.get(p).usable()
                    || status.get(p) == FileStatus.DUPLICATE)).count();
            assertThat(dicom).hasSizeGreaterThan(1000);
            assertThat((double) read / dicom.size()).as("share of MANIFEST kind=DICOM files read").isGreaterThanOrEqualTo(0.99);
            // the JPEGs are recognised as such and never parsed
            assertThat(kinds.entrySet().stream().filter(e -> e.getValue().equals("non-DICOM:jpeg"))
                    .allMatch(e -> status.get(e.getKey()) == FileStatus.NOT_DICOM)).isTrue();
            // every unreadable file says why
            assertThat(scan.health().unreadable()).allMatch(f -> !f.message().isBlank());
        }
    }

    private static Map<String, String> manifestKinds(Path manifest) throws IOException {
        List<String> lines = Files.readAllLines(manifest);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int path = header.indexOf("path");
        int kind = header.indexOf("kind");
        Map<String, String> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            out.put(cells[path], cells[kind]);
        }
        return out;
    }
}
