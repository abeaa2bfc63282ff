package org.importdesk.app.cli;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import org.importdesk.app.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScanCommandTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private static void writeDicom(Path file, String patientId, String sopUid) throws IOException, DicomException {
        AttributeList list = new AttributeList();
        put(list, TagFromName.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        put(list, TagFromName.SOPInstanceUID, sopUid);
        put(list, TagFromName.PatientID, patientId);
        put(list, TagFromName.PatientName, "Doe^" + patientId);
        put(list, TagFromName.StudyInstanceUID, "1.2.3.4");
        put(list, TagFromName.SeriesInstanceUID, "1.2.3.4.5");
        put(list, TagFromName.Modality, "OT");
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "IDTEST");
        Files.createDirectories(file.getParent());
        try (OutputStream o = Files.newOutputStream(file)) {
            list.write(o, TransferSyntax.ExplicitVRLittleEndian, true, true);
        }
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
        Attribute a = list.putNewAttribute(tag);
        a.addValue(value);
    }

    @Test
    void printsTheHeaderAndOneRowPerFileAndTheSummaryOnStderr() throws Exception {
        writeDicom(tmp.resolve("disc/A/IM1"), "P1", "1.2.3.4.5.1");
        writeDicom(tmp.resolve("disc/A/ZCOPY"), "P1", "1.2.3.4.5.1");
        Files.writeString(tmp.resolve("disc/README.TXT"), "hello\tworld\n");
        Files.write(tmp.resolve("disc/BROKEN.DCM"), Arrays.copyOf(Files.readAllBytes(tmp.resolve("disc/A/IM1")), 250));

        int exit = Main.run("scan", tmp.resolve("disc").toString(), "--format", "tsv");

        assertThat(exit).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "path\tstatus\tpatient_id\tstudy_uid\tseries_uid\tsop_uid\tmodality\ttransfer_syntax\tmessage");
        assertThat(lines).hasSize(5).allMatch(l -> l.split("\t", -1).length == 9);
        assertThat(lines).contains("A/IM1\tok\tP1\t1.2.3.4\t1.2.3.4.5\t1.2.3.4.5.1\tOT\t1.2.840.10008.1.2.1\t");
        assertThat(lines).anyMatch(l -> l.startsWith("A/ZCOPY\tduplicate\tP1\t"));
        assertThat(lines).anyMatch(l -> l.startsWith("README.TXT\tnot-dicom\t"));
        assertThat(lines).anyMatch(l -> l.startsWith("BROKEN.DCM\tunreadable\t") && l.contains("truncated"));
        String summary = err.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("1 patient(s)").contains("duplicate=1").contains("unreadable=1");
        assertThat(summary).doesNotContain("Doe^P1"); // names stay out of the summary
    }

    @Test
    void aPathThatCannotBeReadExitsWithOne() {
        assertThat(Main.run("scan", tmp.resolve("nothing-here").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file or folder");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(Main.run("scan")).isEqualTo(2);
        assertThat(Main.run("scan", tmp.toString(), "--format", "xml")).isEqualTo(2);
    }
}
