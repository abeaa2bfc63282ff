package org.importdesk.engine.demo;

import org.importdesk.engine.dicom.DicomAttributes;
import org.importdesk.engine.dicom.DicomFiles;
import org.importdesk.engine.dicom.DicomHeader;
import org.importdesk.engine.dicom.DicomReadException;
import org.importdesk.engine.dicom.DicomTag;
import org.importdesk.engine.media.FileStatus;
import org.importdesk.engine.media.MediumReader;
import org.importdesk.engine.media.MediumScan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoMediumTest {

    @TempDir
    static Path tmp;
    static DemoMedium.Summary summary;
    static List<DicomHeader> headers = new ArrayList<>();
    static List<Path> unreadable = new ArrayList<>();

    @BeforeAll
    static void writeDemo() throws IOException {
        summary = DemoMedium.write(tmp.resolve("cd"));
        DicomFiles files = DicomFiles.pixelMed();
        try (Stream<Path> all = Files.walk(summary.root().resolve("DICOM"))) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                try {
                    DicomHeader h = files.readHeader(p);
                    if (summary.brokenFiles().contains(p)) {
                        continue; // its header is whole; the medium reader finds the cut (test below)
                    }
                    headers.add(h);
                } catch (DicomReadException e) {
                    unreadable.add(p);
                }
            }
        }
    }

    @Test
    void severalPatientsStudiesAndModalities() {
        assertThat(summary.patients()).isEqualTo(3);
        assertThat(headers.stream().map(DicomHeader::patientId).distinct()).hasSize(3);
        assertThat(headers.stream().map(DicomHeader::studyInstanceUid).distinct()).hasSize(4);
        assertThat(headers.stream().map(DicomHeader::modality).distinct()).containsExactlyInAnyOrder("CT", "MR", "CR", "US");
        assertThat(headers).hasSize(summary.instances());
    }

    @Test
    void theCtHeadIsAVolumeOfAtLeast40SlicesWithPositions() {
        Map<String, Integer> slices = new HashMap<>();
        for (DicomHeader h : headers) {
            if (h.modality().equals("CT") && h.attributes().string(DicomTag.SERIES_DESCRIPTION).startsWith("Kopf 5.0")) {
                slices.merge(h.seriesInstanceUid(), 1, Integer::sum);
                assertThat(h.attributes().decimals(DicomTag.IMAGE_POSITION_PATIENT)).hasSize(3);
                assertThat(h.hasPixelData()).isTrue();
            }
        }
        assertThat(slices.values()).singleElement().satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(40));
    }

    @Test
    void namesInLatin1AndProcedureCodesRoundTrip() {
        DicomHeader ct = headers.stream().filter(h -> h.modality().equals("CT")).findFirst().orElseThrow();
        assertThat(ct.attributes().string(DicomTag.PATIENT_NAME)).isEqualTo("MÜLLER^ANNA");
        assertThat(ct.attributes().string(DicomTag.STUDY_DESCRIPTION)).isEqualTo("CT Schädel nativ");
        List<DicomAttributes> codes = ct.attributes().sequence(DicomTag.PROCEDURE_CODE_SEQUENCE);
        assertThat(codes).singleElement().satisfies(c -> assertThat(c.string(DicomTag.CODE_VALUE)).isEqualTo("CTKOPFN"));
    }

    @Test
    void theMediumReaderSeesThreePatientsIconsAndExactlyTheOneBrokenFile() throws Exception {
        assertThat(unreadable).isEmpty();
        try (MediumScan scan = new MediumReader().read(summary.root())) {
            assertThat(scan.source().readThroughDicomdir()).isTrue();
            assertThat(scan.patients()).hasSize(3);
            assertThat(scan.instances()).hasSize(summary.instances());
            assertThat(scan.files(FileStatus.UNREADABLE)).singleElement()
                    .satisfies(f -> assertThat(f.path().toString()).isEqualTo(summary.brokenFiles().get(0).toString()));
            assertThat(scan.studies().stream().flatMap(s -> s.series().stream()))
                    .hasSize(summary.series()).allSatisfy(s -> assertThat(s.icon()).isPresent());
        }
    }

    @Test
    void theDicomDirectoryReferencesEveryGoodInstanceAndCarriesSeriesIcons() throws Exception {
        DicomHeader dir = DicomFiles.pixelMed().readHeader(summary.root().resolve("DICOMDIR"));
        List<DicomAttributes> records = dir.attributes().sequence(DicomTag.of(0x0004, 0x1220));
        Set<String> referenced = new HashSet<>();
        int seriesWithIcon = 0;
        int series = 0;
        for (DicomAttributes r : records) {
            String type = r.string(DicomTag.DIRECTORY_RECORD_TYPE);
            if (type.equals("IMAGE")) {
                referenced.add(r.string(DicomTag.REFERENCED_SOP_INSTANCE_UID_IN_FILE));
            } else if (type.equals("SERIES")) {
                series++;
                List<DicomAttributes> icon = r.sequence(DicomTag.ICON_IMAGE_SEQUENCE);
                if (!icon.isEmpty() && icon.get(0).integer(DicomTag.ROWS).orElse(0) > 0) {
                    seriesWithIcon++;
                }
            }
        }
        assertThat(referenced).hasSize(summary.instances())
                .containsAll(headers.stream().map(DicomHeader::sopInstanceUid).toList());
        assertThat(series).isEqualTo(summary.series());
        assertThat(seriesWithIcon).isEqualTo(series);
    }

    @Test
    void refusesAFolderThatIsNotEmpty() throws IOException {
        Path used = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(used.resolve("x.txt"), "keep me");
        assertThatThrownBy(() -> DemoMedium.write(used)).isInstanceOf(IOException.class).hasMessageContaining("not empty");
        assertThat(used.resolve("x.txt")).hasContent("keep me");
    }

    @Test
    void aManySeriesStudyCanBeAdded() throws IOException {
        DemoMedium.Summary many = DemoMedium.write(tmp.resolve("many"), new DemoMedium.Options(20, 7));
        assertThat(many.patients()).isEqualTo(4);
        assertThat(many.series()).isEqualTo(summary.series() + 20);
    }
}
