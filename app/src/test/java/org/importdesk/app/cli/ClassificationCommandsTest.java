package org.importdesk.app.cli;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line contracts of classify, classify-text, eval and experiment voting. */
class ClassificationCommandsTest {

    record Run(int exit, String out) {
    }

    static Run run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new ImportDeskCommand()).execute(args);
            return new Run(exit, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void classifyTextWritesOneRowPerInputRow(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in.tsv");
        Files.writeString(in, "id\tmodality\tstudy_description\tseries_description\tbody_part_examined\n"
                + "a\tCT\tCT ABDOMEN PELVIS W CONTRAST\t\t\n"
                + "b\tDX\tXR C-SPINE 2-3 VIEWS\t\t\n"
                + "c\tMR\t\tLocalizer|SAG T2 KNEE|AX PD FS\t|KNEE|\n"
                + "d\tOT\t\t\t\n");
        Run r = run("classify-text", "--defaults", "--input", in.toString(), "--format", "tsv");
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("id\tclass_code\tconfidence\tdecider");
        assertThat(lines.get(1)).startsWith("a\tCTAB\t").endsWith("\tkeyword");
        assertThat(lines.get(2)).startsWith("b\tKHWS\t");
        assertThat(lines.get(3)).startsWith("c\tMRUE\t").endsWith("\tseries-vote");
        assertThat(lines.get(4)).isEqualTo("d\t\t0.000\tnone");
        assertThat(run("classify-text", "--defaults", "--input", tmp.resolve("missing.tsv").toString()).exit()).isEqualTo(1);
        assertThat(run("classify-text", "--defaults").exit()).isEqualTo(2);
    }

    @Test
    void classifyAndEvalReadAMedium(@TempDir Path tmp) throws Exception {
        Path medium = Files.createDirectories(tmp.resolve("cd"));
        writeCt(medium.resolve("IM1"), "1.2.826.0.1.3680043.9.7777.1", "CT HEAD WO CONTRAST");
        writeCt(medium.resolve("IM2"), "1.2.826.0.1.3680043.9.7777.2", "");
        Run r = run("classify", "--defaults", medium.toString(), "--format", "tsv");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).contains("study_instance_uid\tclass_code\tconfidence\tdecider")
                .anySatisfy(l -> assertThat(l).startsWith("1.2.826.0.1.3680043.9.7777.1\tCTS\t").endsWith("\tkeyword"));
        Path labels = tmp.resolve("labels.tsv");
        Files.writeString(labels, "study_instance_uid\tacceptable_classes\n1.2.826.0.1.3680043.9.7777.1\tCTS\n"
                + "1.2.826.0.1.3680043.9.7777.2\tCTT;CTTA\n9.9.9\tKTH\n");
        Run e = run("eval", "--defaults", "--labels", labels.toString(), medium.toString());
        assertThat(e.exit()).isZero();
        // one right, one wrong (modality prior CTS), one not on the medium
        assertThat(e.out()).contains("studies\t3", "accuracy\t0.3333", "predictive_power\t0.6667",
                "major_error_rate\t0.3333", "not_found\t1", "CTT;CTTA -> CTS: 1");
        assertThat(e.out()).contains("mode\tmetadata", "modality_prior\ton", "  keyword: 1, 1", "  modality-prior: 1, 0");

        // MOMO's metadata as published: the study without text gets no proposal instead of the prior's guess
        Run noPrior = run("eval", "--defaults", "--no-prior", "--labels", labels.toString(), medium.toString());
        assertThat(noPrior.exit()).isZero();
        assertThat(noPrior.out()).contains("modality_prior\toff", "accuracy\t0.3333", "predictive_power\t0.3333", "major_error_rate\t0.0000",
                "  keyword: 1, 1", "  none: 1, 0").doesNotContain("modality-prior");
    }

    @Test
    void votingExperimentPrintsTheWholeGrid() {
        Run r = run("experiment", "voting", "--studies", "300", "--format", "tsv");
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("series_per_study\tseries_accuracy\tcorrelated\tcalibrated\tstudy_accuracy");
        assertThat(lines).hasSize(1 + 10 * 10 * 2 * 2);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("10\t0.95\tno\tyes\t"));
        assertThat(run("experiment", "nonsense").exit()).isEqualTo(2);
    }

    private static void writeCt(Path file, String studyUid, String description) throws Exception {
        AttributeList list = new AttributeList();
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPClassUID), "1.2.840.10008.5.1.4.1.1.2");
        put(list, new UniqueIdentifierAttribute(TagFromName.SOPInstanceUID), studyUid + ".1.1");
        put(list, new UniqueIdentifierAttribute(TagFromName.StudyInstanceUID), studyUid);
        put(list, new UniqueIdentifierAttribute(TagFromName.SeriesInstanceUID), studyUid + ".1");
        put(list, new CodeStringAttribute(TagFromName.Modality), "CT");
        put(list, new LongStringAttribute(TagFromName.StudyDescription), description);
        put(list, new LongStringAttribute(TagFromName.PatientID), "TEST-1");
        put(list, new IntegerStringAttribute(TagFromName.SeriesNumber), "1");
        put(list, new IntegerStringAttribute(TagFromName.InstanceNumber), "1");
        put(list, new UnsignedShortAttribute(TagFromName.Rows), "2");
        put(list, new UnsignedShortAttribute(TagFromName.Columns), "2");
        put(list, new UnsignedShortAttribute(TagFromName.BitsAllocated), "16");
        put(list, new UnsignedShortAttribute(TagFromName.BitsStored), "12");
        put(list, new UnsignedShortAttribute(TagFromName.HighBit), "11");
        put(list, new UnsignedShortAttribute(TagFromName.PixelRepresentation), "0");
        put(list, new UnsignedShortAttribute(TagFromName.SamplesPerPixel), "1");
        put(list, new CodeStringAttribute(TagFromName.PhotometricInterpretation), "MONOCHROME2");
        OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
        pixels.setValues(new short[]{0, 100, 200, 300});
        list.put(pixels);
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "IMPORTDESK");
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
    }

    private static void put(AttributeList list, com.pixelmed.dicom.Attribute a, String value) throws Exception {
        if (!value.isEmpty()) {
            a.addValue(value);
        }
        list.put(a);
    }

}
