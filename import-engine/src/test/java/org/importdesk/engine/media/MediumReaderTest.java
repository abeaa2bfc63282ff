package org.importdesk.engine.media;

import org.importdesk.engine.dicom.DicomProbe;
import org.importdesk.engine.dicom.MediaDirectory;
import org.importdesk.engine.media.TestMedia.Instance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.importdesk.engine.media.TestMedia.image;
import static org.importdesk.engine.media.TestMedia.patient;
import static org.importdesk.engine.media.TestMedia.series;
import static org.importdesk.engine.media.TestMedia.study;

/** Hostile media, built here with PixelMed: each outcome the issue asks for. */
class MediumReaderTest {
    @TempDir
    Path tmp;

    /** Records every file the reader opens, to prove what it never touches. */
    private final List<Path> probed = Collections.synchronizedList(new ArrayList<>());

    private MediumReader reader() {
        DicomProbe.Prober real = DicomProbe.Prober.pixelMed();
        return new MediumReader((file, size) -> {
            probed.add(file.toAbsolutePath().normalize());
            return real.probe(file, size);
        }, MediaDirectory.Reader.pixelMed(), 2);
    }

    private static Instance ct(String patient, int n) {
        return new Instance(patient, "1.2.3." + patient.hashCode() % 1000 + ".1", "1.2.3." + patient.hashCode() % 1000
                + ".1.1", "1.2.3." + patient.hashCode() % 1000 + ".1.1." + n);
    }

    private static MediumFile row(MediumScan scan, String displayPath) {
        return scan.files().stream().filter(f -> f.displayPath().equals(displayPath)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + displayPath + " in " + scan.files()));
    }

    @Test
    void lowerCaseNamesWithVersionSuffixesAndDcmExtensionsResolveThroughTheDicomdir() throws Exception {
        Path disc = tmp.resolve("disc");
        Instance a = ct("P1", 1), b = ct("P1", 2), c = ct("P1", 3);
        TestMedia.write(disc.resolve("dicom/im000001"), a);
        TestMedia.write(disc.resolve("dicom/im000002.dcm"), b);
        TestMedia.write(disc.resolve("dicom/IM000003.DCM"), c);
        TestMedia.writeDicomdir(disc.resolve("dicomdir"), List.of(patient("P1").child(study(a.studyUid())
                .child(series(a.seriesUid())
                        .child(image(a.sopUid(), "DICOM", "IM000001;1"))
                        .child(image(b.sopUid(), "DICOM", "IM000002"))
                        .child(image(c.sopUid(), "DICOM", "IM000003."))))));

        try (MediumScan scan = reader().read(disc)) {
            assertThat(scan.source().readThroughDicomdir()).isTrue();
            assertThat(scan.files(FileStatus.OK)).extracting(MediumFile::displayPath)
                    .contains("dicom/im000001", "dicom/im000002.dcm", "dicom/IM000003.DCM");
            assertThat(scan.files(FileStatus.MISSING, FileStatus.UNREFERENCED)).isEmpty();
            assertThat(scan.instances()).hasSize(3);
        }
    }

    @Test
    void aReferenceOutsideTheMediumIsRefusedAndNeverOpened() throws Exception {
        Path disc = tmp.resolve("media/disc");
        Instance a = ct("P1", 1);
        TestMedia.write(disc.resolve("DICOM/IM1"), a);
        // a DICOM file where the escaping reference would land, so that following it would find something
        Path bait = TestMedia.write(tmp.resolve("etc/passwd"), ct("VICTIM", 9));
        TestMedia.writeDicomdir(disc.resolve("DICOMDIR"), List.of(patient("P1").child(study(a.studyUid())
                .child(series(a.seriesUid())
                        .child(image(a.sopUid(), "DICOM", "IM1"))
                        .child(image("1.2.9.9", "..", "..", "etc", "passwd"))
                        .child(image("1.2.9.10", "/etc/passwd"))))));

        try (MediumScan scan = reader().read(disc)) {
            List<MediumFile> refused = scan.files(FileStatus.OUTSIDE_MEDIUM);
            assertThat(refused).hasSize(2);
            assertThat(refused.get(0).message()).contains("refused");
            assertThat(scan.reference(refused.get(0)).orElseThrow().sopInstanceUid()).isEqualTo("1.2.9.9");
            assertThat(probed).doesNotContain(bait.toAbsolutePath().normalize());
            assertThat(scan.patients()).extracting(PatientRecord::patientId).containsExactly("P1");
        }
    }

    @Test
    void aStudyWhoseOnlyFileHasItsPixelDataCutShortIsKeptAsADamagedStudyWithItsHeader() throws Exception {
        Path disc = tmp.resolve("disc");
        Instance whole = ct("P1", 1);
        Instance cut = new Instance("P2", "1.2.3.77.1", "1.2.3.77.1.1", "1.2.3.77.1.1.1");
        TestMedia.write(disc.resolve("IM1"), whole);
        Path cutInPixels = TestMedia.write(disc.resolve("IM2"), cut);
        Files.write(cutInPixels, TestMedia.head(cutInPixels, (int) Files.size(cutInPixels) - 60));
        Path cutInHeader = TestMedia.write(disc.resolve("IM3"), new Instance("P3", "1.2.3.78.1", "1.2.3.78.1.1",
                "1.2.3.78.1.1.1"));
        Files.write(cutInHeader, TestMedia.head(cutInHeader, 300));

        try (MediumScan scan = reader().read(disc)) {
            MediumFile damaged = row(scan, "IM2");
            assertThat(damaged.status()).isEqualTo(FileStatus.UNREADABLE);
            assertThat(damaged.message()).contains("pixel data");
            assertThat(damaged.header()).isPresent();
            assertThat(scan.studies()).extracting(StudyRecord::studyInstanceUid).containsExactly(whole.studyUid());
            assertThat(scan.instances()).extracting(InstanceRecord::sopInstanceUid).containsExactly(whole.sopUid());
            // the header cut short says nothing reliable: no study from it
            assertThat(row(scan, "IM3").header()).isEmpty();
            assertThat(scan.damagedStudies()).singleElement().satisfies(s -> {
                assertThat(s.studyInstanceUid()).isEqualTo(cut.studyUid());
                assertThat(s.studyDescription()).isEqualTo("Test study");
                assertThat(s.series()).singleElement().satisfies(se -> assertThat(se.modality()).isEqualTo("CT"));
            });
        }
    }

    @Test
    void truncatedFilesAreUnreadableWithAReasonAndMissingFilesAreReportedPerRecord() throws Exception {
        Path disc = tmp.resolve("disc");
        Instance a = ct("P1", 1), b = ct("P1", 2), c = ct("P1", 3), gone = ct("P1", 4);
        TestMedia.write(disc.resolve("DICOM/IM1"), a);
        Path cutInHeader = TestMedia.write(disc.resolve("DICOM/IM2"), b);
        Files.write(cutInHeader, TestMedia.head(cutInHeader, 400));
        Path cutInPixels = TestMedia.write(disc.resolve("DICOM/IM3"), c);
        Files.write(cutInPixels, TestMedia.head(cutInPixels, (int) Files.size(cutInPixels) - 100));
        TestMedia.writeDicomdir(disc.resolve("DICOMDIR"), List.of(patient("P1").child(study(a.studyUid())
                .child(series(a.seriesUid())
                        .child(image(a.sopUid(), "DICOM", "IM1"))
                        .child(image(b.sopUid(), "DICOM", "IM2"))
                        .child(image(c.sopUid(), "DICOM", "IM3"))
                        .child(image(gone.sopUid(), "DICOM", "IM4"))))));

        try (MediumScan scan = reader().read(disc)) {
            assertThat(row(scan, "DICOM/IM2").status()).isEqualTo(FileStatus.UNREADABLE);
            assertThat(row(scan, "DICOM/IM2").message()).containsIgnoringCase("truncated");
            assertThat(row(scan, "DICOM/IM3").status()).isEqualTo(FileStatus.UNREADABLE);
            assertThat(row(scan, "DICOM/IM3").message()).contains("pixel data");
            MediumFile missing = row(scan, "DICOM/IM4");
            assertThat(missing.status()).isEqualTo(FileStatus.MISSING);
            assertThat(scan.reference(missing).orElseThrow().sopInstanceUid()).isEqualTo(gone.sopUid());
            assertThat(scan.instances()).extracting(InstanceRecord::sopInstanceUid).containsExactly(a.sopUid());
            assertThat(scan.health().unreadable()).hasSize(2);
            assertThat(scan.health().warnings()).anyMatch(w -> w.contains("missing"));
        }
    }

    @Test
    void twoPatientsAreSeparatedAndFlagged() throws Exception {
        Path disc = tmp.resolve("disc");
        Instance a = ct("ALICE", 1), b = ct("BOB", 1);
        TestMedia.write(disc.resolve("A/1"), a);
        TestMedia.write(disc.resolve("B/1"), b);

        try (MediumScan scan = reader().read(disc)) {
            assertThat(scan.source().dicomdir()).isEmpty();
            assertThat(scan.severalPatients()).isTrue();
            assertThat(scan.patients()).extracting(PatientRecord::patientId).containsExactlyInAnyOrder("ALICE", "BOB");
            StudyRecord bobs = scan.study(b.studyUid()).orElseThrow();
            assertThat(scan.patientOf(bobs).orElseThrow().patientId()).isEqualTo("BOB");
            assertThat(scan.health().warnings()).anyMatch(w -> w.contains("several patients"));
        }
    }

    @Test
    void unreferencedFilesAreOfferedAndDuplicatesCollapsed() throws Exception {
        Path disc = tmp.resolve("disc");
        Instance a = ct("P1", 1), extra = ct("P1", 2);
        TestMedia.write(disc.resolve("DICOM/IM1"), a);
        TestMedia.write(disc.resolve("DICOM/COPY/IM1"), a);
        TestMedia.write(disc.resolve("EXTRA/X1"), extra);
        TestMedia.writeDicomdir(disc.resolve("DICOMDIR"), List.of(patient("P1").child(study(a.studyUid())
                .child(series(a.seriesUid()).child(image(a.sopUid(), "DICOM", "IM1"))))));

        try (MediumScan scan = reader().read(disc)) {
            assertThat(row(scan, "DICOM/IM1").status()).isEqualTo(FileStatus.OK);
            assertThat(row(scan, "DICOM/COPY/IM1").status()).isEqualTo(FileStatus.DUPLICATE);
            assertThat(row(scan, "DICOM/COPY/IM1").message()).contains("DICOM/IM1");
            assertThat(row(scan, "EXTRA/X1").status()).isEqualTo(FileStatus.UNREFERENCED);
            assertThat(scan.instances()).hasSize(2);
            InstanceRecord offered = scan.instances().stream()
                    .filter(i -> i.sopInstanceUid().equals(extra.sopUid())).findFirst().orElseThrow();
            assertThat(scan.unreferenced(offered)).isTrue();
            assertThat(scan.duplicatesCollapsed()).isEqualTo(1);
        }
    }

    @Test
    void nonDicomFilesAreCountedNotReadAndFilesWithoutPreambleAreRecognised() throws Exception {
        Path disc = tmp.resolve("disc");
        Files.createDirectories(disc.resolve("VIEWER"));
        Files.writeString(disc.resolve("README.TXT"), "Patient CD. Insert and wait.\r\n");
        Files.writeString(disc.resolve("AUTORUN.INF"), "[autorun]\r\nopen=VIEWER\\VIEWER.EXE\r\n");
        Files.writeString(disc.resolve("INDEX.HTM"), "<html><body>images</body></html>");
        Files.write(disc.resolve("VIEWER/VIEWER.EXE"), new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0});
        Files.write(disc.resolve("PHOTO.JPG"), new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16,
                'J', 'F', 'I', 'F', 0});
        Files.write(disc.resolve("EMPTY"), new byte[0]);
        Instance bare = ct("OLD", 1);
        TestMedia.writeBare(disc.resolve("ACRNEMA/IMG1"), bare);

        try (MediumScan scan = reader().read(disc)) {
            assertThat(scan.files(FileStatus.NOT_DICOM)).extracting(MediumFile::displayPath)
                    .containsExactlyInAnyOrder("README.TXT", "AUTORUN.INF", "INDEX.HTM", "VIEWER/VIEWER.EXE",
                            "PHOTO.JPG", "EMPTY");
            assertThat(row(scan, "VIEWER/VIEWER.EXE").message()).contains("program");
            assertThat(row(scan, "PHOTO.JPG").message()).contains("JPEG");
            MediumFile old = row(scan, "ACRNEMA/IMG1");
            assertThat(old.status()).isEqualTo(FileStatus.OK);
            assertThat(old.header().orElseThrow().hasPreamble()).isFalse();
            assertThat(old.header().orElseThrow().transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2");
            assertThat(scan.instances()).extracting(InstanceRecord::sopInstanceUid).containsExactly(bare.sopUid());
            assertThat(scan.health().count(FileStatus.NOT_DICOM)).isEqualTo(6);
        }
    }

    @Test
    void aZipIsReadThroughTheDicomdirInsideItsTopFolder() throws Exception {
        Path disc = tmp.resolve("disc");
        Instance a = ct("P1", 1), b = ct("P2", 1);
        TestMedia.write(disc.resolve("DICOM/IM1"), a);
        TestMedia.write(disc.resolve("DICOM/IM2"), b);
        TestMedia.writeDicomdir(disc.resolve("DICOMDIR"), List.of(
                patient("P1").child(study(a.studyUid()).child(series(a.seriesUid()).child(image(a.sopUid(), "DICOM", "IM1")))),
                patient("P2").child(study(b.studyUid()).child(series(b.seriesUid()).child(image(b.sopUid(), "DICOM", "IM2"))))));
        Path zip = tmp.resolve("portal-download.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("DICOMDIR", "DICOM/IM1", "DICOM/IM2")) {
                out.putNextEntry(new ZipEntry("PATIENT_CD/" + name));
                out.write(Files.readAllBytes(disc.resolve(name)));
                out.closeEntry();
            }
        }

        MediumScan scan = reader().read(zip);
        try (scan) {
            assertThat(scan.source().kind()).isEqualTo(MediumSource.Kind.ZIP);
            assertThat(scan.source().readThroughDicomdir()).isTrue();
            assertThat(scan.files(FileStatus.OK)).extracting(MediumFile::displayPath)
                    .contains("PATIENT_CD/DICOM/IM1", "PATIENT_CD/DICOM/IM2");
            assertThat(scan.patients()).hasSize(2);
            InstanceRecord first = scan.instances().get(0);
            try (InputStream in = Files.newInputStream(first.file())) {
                assertThat(in.readAllBytes()).hasSize((int) Files.size(disc.resolve("DICOM/IM1")));
            }
        }
        assertThat(scan.instances().get(0).file().getFileSystem().isOpen()).isFalse();
    }

    @Test
    void anUnreadableDicomdirFallsBackToARecursiveScan() throws Exception {
        Path disc = tmp.resolve("disc");
        Instance a = ct("P1", 1);
        TestMedia.write(disc.resolve("DICOM/IM1"), a);
        byte[] broken = new byte[300];
        broken[128] = 'D';
        broken[129] = 'I';
        broken[130] = 'C';
        broken[131] = 'M';
        Files.write(disc.resolve("DICOMDIR"), broken);

        try (MediumScan scan = reader().read(disc)) {
            assertThat(scan.source().readThroughDicomdir()).isFalse();
            assertThat(scan.source().dicomdirProblem()).isNotEmpty();
            assertThat(row(scan, "DICOMDIR").status()).isEqualTo(FileStatus.UNREADABLE);
            assertThat(row(scan, "DICOM/IM1").status()).isEqualTo(FileStatus.OK);
        }
    }

    @Test
    void aDicomdirWithUselessOffsetsIsLinkedByTheOrderOfItsRecords() throws Exception {
        Path disc = tmp.resolve("disc");
        Instance a = ct("P1", 1), b = ct("P2", 1);
        TestMedia.write(disc.resolve("DICOM/IM1"), a);
        TestMedia.write(disc.resolve("DICOM/IM2"), b);
        Path dicomdir = TestMedia.writeDicomdir(disc.resolve("DICOMDIR"), List.of(
                patient("P1").child(study(a.studyUid()).child(series(a.seriesUid()).child(image(a.sopUid(), "DICOM", "IM1")))),
                patient("P2").child(study(b.studyUid()).child(series(b.seriesUid()).child(image(b.sopUid(), "DICOM", "IM2"))))));
        // point the root offset (0004,1200) nowhere: the records' order still tells the hierarchy
        byte[] bytes = Files.readAllBytes(dicomdir);
        byte[] tag = {0x04, 0x00, 0x00, 0x12, 'U', 'L', 4, 0};
        int at = indexOf(bytes, tag);
        assertThat(at).isPositive();
        bytes[at + 8] = 0x7F;
        bytes[at + 9] = 0x7F;
        Files.write(dicomdir, bytes);

        try (MediumScan scan = reader().read(disc)) {
            assertThat(scan.source().readThroughDicomdir()).isTrue();
            assertThat(row(scan, "DICOMDIR").message()).contains("record order");
            assertThat(scan.files(FileStatus.OK)).extracting(MediumFile::displayPath)
                    .contains("DICOM/IM1", "DICOM/IM2");
            assertThat(scan.reference(row(scan, "DICOM/IM2")).orElseThrow().patientId()).isEqualTo("P2");
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void iconsOfTheDicomdirReachTheSeries() throws Exception {
        Path disc = tmp.resolve("disc");
        Instance a = ct("P1", 1);
        TestMedia.write(disc.resolve("DICOM/IM1"), a);
        byte[] grey = new byte[16];
        for (int k = 0; k < 16; k++) {
            grey[k] = (byte) (k * 16);
        }
        TestMedia.writeDicomdir(disc.resolve("DICOMDIR"), List.of(patient("P1").child(study(a.studyUid())
                .child(series(a.seriesUid()).icon(grey).child(image(a.sopUid(), "DICOM", "IM1"))))));

        try (MediumScan scan = reader().read(disc)) {
            IconImage icon = scan.series(a.seriesUid()).orElseThrow().icon().orElseThrow();
            assertThat(icon.rows()).isEqualTo(4);
            assertThat(icon.columns()).isEqualTo(4);
            assertThat(icon.grey()).containsExactly(grey);
        }
    }

    @Test
    void resultsArriveIncrementallyAndReadingCanBeCancelled() throws Exception {
        Path disc = tmp.resolve("disc");
        for (int k = 1; k <= 6; k++) {
            TestMedia.write(disc.resolve("S" + k + "/IM"), new Instance("P1", "1.2.5." + k, "1.2.5." + k + ".1",
                    "1.2.5." + k + ".1.1"));
        }
        List<String> events = new ArrayList<>();
        MediumListener listener = new MediumListener() {
            @Override
            public void started(MediumSource source, int filesTotal) {
                events.add("started " + filesTotal);
            }

            @Override
            public void fileDecided(MediumFile file, MediumProgress progress) {
                events.add("file " + progress.filesDone() + "/" + progress.filesTotal());
            }

            @Override
            public void studyFound(PatientRecord patient, StudyRecord study, MediumProgress progress) {
                events.add("study " + study.studyInstanceUid() + " " + study.instanceCount());
            }
        };
        try (MediumScan scan = reader().read(disc, listener, CancellationToken.none())) {
            assertThat(scan.complete()).isTrue();
            assertThat(events.get(0)).isEqualTo("started 6");
            assertThat(events).filteredOn(e -> e.startsWith("study")).hasSize(6).allMatch(e -> e.endsWith(" 1"));
            assertThat(events).contains("file 6/6");
        }

        CancellationToken cancel = new CancellationToken();
        MediumListener cancelling = new MediumListener() {
            @Override
            public void studyFound(PatientRecord patient, StudyRecord study, MediumProgress progress) {
                if (progress.studiesFound() == 2) {
                    cancel.cancel();
                }
            }
        };
        try (MediumScan partial = reader().read(disc, cancelling, cancel)) {
            assertThat(partial.complete()).isFalse();
            assertThat(partial.studies()).hasSize(2);
            assertThat(partial.files()).hasSize(2);
        }
    }

    @Test
    void aPathThatCannotBeReadAtAllThrows() {
        assertThatThrownBy(() -> reader().read(tmp.resolve("no-such-disc")))
                .isInstanceOf(MediumException.class).hasMessageContaining("no such");
    }

    @Test
    void aSingleFileIsAMediumOfOneAndAGivenDicomdirPathIsUsed() throws Exception {
        Path disc = tmp.resolve("disc");
        Instance a = ct("P1", 1);
        Path file = TestMedia.write(disc.resolve("DICOM/IM1"), a);
        Files.writeString(disc.resolve("NOTES.TXT"), "not read when one file is given", StandardCharsets.UTF_8);
        try (MediumScan scan = reader().read(file)) {
            assertThat(scan.source().kind()).isEqualTo(MediumSource.Kind.FILE);
            assertThat(scan.files()).hasSize(1);
            assertThat(scan.instances()).hasSize(1);
        }
        Path dicomdir = TestMedia.writeDicomdir(disc.resolve("OTHERNAME"), List.of(patient("P1").child(
                study(a.studyUid()).child(series(a.seriesUid()).child(image(a.sopUid(), "DICOM", "IM1"))))));
        try (MediumScan scan = reader().read(dicomdir)) {
            assertThat(scan.source().kind()).isEqualTo(MediumSource.Kind.DICOMDIR);
            assertThat(row(scan, "DICOM/IM1").status()).isEqualTo(FileStatus.OK);
            assertThat(row(scan, "NOTES.TXT").status()).isEqualTo(FileStatus.NOT_DICOM);
        }
    }

    @Test
    void writesNothingOnTheMedium() throws Exception {
        Path disc = tmp.resolve("disc");
        TestMedia.write(disc.resolve("DICOM/IM1"), ct("P1", 1));
        Map<Path, Long> before = new java.util.HashMap<>();
        try (var s = Files.walk(disc)) {
            for (Path p : s.toList()) {
                before.put(p, Files.getLastModifiedTime(p).toMillis());
            }
        }
        reader().read(disc).close();
        try (var s = Files.walk(disc)) {
            assertThat(s.toList()).containsExactlyInAnyOrderElementsOf(before.keySet());
        }
        for (Map.Entry<Path, Long> e : before.entrySet()) {
            assertThat(Files.getLastModifiedTime(e.getKey()).toMillis()).isEqualTo(e.getValue());
        }
    }

}
