package org.importdesk.app.cli;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import org.importdesk.app.ui.service.DecisionLog;
import org.importdesk.engine.classify.TextStudies;
import org.importdesk.engine.inference.ModelManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `train --confirmed`: the classes radiographers confirmed label the imported studies a network trains on. */
class TrainFromConfirmedTest {

    @Test
    void confirmedDecisionsLabelTheArchivedStudies(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        DecisionLog log = new DecisionLog(data.resolve(ConfirmedDecisions.LOG_FILE));
        log.record(TextStudies.study("1.9.1", "CT", "CT ABDOMEN", "", "", "", ""), "CTAB", "CTAB", "rad");
        // first confirmed as abdomen, then corrected: the later decision labels the study
        log.record(TextStudies.study("1.9.2", "CT", "", "", "", "", ""), "CTAB", "CTAB", "rad");
        log.record(TextStudies.study("1.9.2", "CT", "", "", "", "", ""), "CTAB", "CTT", "lead");
        log.record(TextStudies.study("1.9.3", "PT|CT", "PET CT", "", "", "", ""), "PCTGK", "PCTGK", "rad");
        log.record(TextStudies.study("1.9.4", "MR", "MR KNEE", "", "", "", ""), "MRUE", "MRUE", "rad");
        Path archive = data.resolve("archive");
        for (int series = 1; series <= 8; series++) {
            writeSeries(archive, "1.9.1", series, false);
            writeSeries(archive, "1.9.2", series, true);
        }
        writeSeries(archive, "1.9.5", 1, false); // imported, never confirmed: not used

        Path model = tmp.resolve("model");
        Run r = run("train", "--modality", "CT", "--confirmed", "--data", data.toString(), "--epochs", "1",
                "--size", "16", "--batch", "4", "--threads", "1", "--out", model.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("5 confirmed decisions: 2 CT studies labelled, 1 PET studies and 1 of other "
                + "modalities left out", "CT: 16 labelled series used, 1 unlabelled");
        ModelManifest manifest = ModelManifest.read(model.resolve(ModelManifest.FILE_NAME));
        assertThat(manifest.classCodes()).containsExactlyInAnyOrder("CTAB", "CTT");
        assertThat(manifest.training().data()).contains("confirmed at the workstation");
        assertThat(manifest.metrics().trainCount() + manifest.metrics().validationCount()
                + manifest.metrics().testCount()).isEqualTo(16);
    }

    @Test
    void confirmedNeedsDecisionsAndImagesAndNoOtherLabels(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        assertThat(run("train", "--modality", "CT", "--confirmed", "--data", data.toString()).err())
                .contains("no confirmed CT decisions in");
        new DecisionLog(data.resolve(ConfirmedDecisions.LOG_FILE))
                .record(TextStudies.study("1.9.1", "CT", "CT ABDOMEN", "", "", "", ""), "CTAB", "CTAB", "rad");
        Run noArchive = run("train", "--modality", "CT", "--confirmed", "--data", data.toString());
        assertThat(noArchive.exit()).isEqualTo(1);
        assertThat(noArchive.err()).contains("no images of the confirmed studies", "export the studies from the PACS");
        Run both = run("train", "--modality", "CT", "--confirmed", "--data", data.toString(), "--labels",
                tmp.resolve("x.csv").toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("not with --images or --labels");
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            CommandLine cl = new CommandLine(new ImportDeskCommand());
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Run(exit, buf.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    /** Two 16 x 16 CT images: a bright disc for the abdomen studies, horizontal bars for the chest ones. */
    private static void writeSeries(Path dir, String study, int seriesNumber, boolean bars) throws Exception {
        Files.createDirectories(dir);
        String series = study + "." + seriesNumber;
        for (int i = 1; i <= 2; i++) {
            AttributeList list = new AttributeList();
            uid(list, TagFromName.SOPClassUID, SOPClass.CTImageStorage);
            uid(list, TagFromName.SOPInstanceUID, series + "." + i);
            uid(list, TagFromName.StudyInstanceUID, study);
            uid(list, TagFromName.SeriesInstanceUID, series);
            put(list, new CodeStringAttribute(TagFromName.Modality), "CT");
            put(list, new IntegerStringAttribute(TagFromName.InstanceNumber), Integer.toString(i));
            us(list, TagFromName.Rows, 16);
            us(list, TagFromName.Columns, 16);
            us(list, TagFromName.BitsAllocated, 16);
            us(list, TagFromName.BitsStored, 16);
            us(list, TagFromName.HighBit, 15);
            us(list, TagFromName.PixelRepresentation, 0);
            us(list, TagFromName.SamplesPerPixel, 1);
            put(list, new CodeStringAttribute(TagFromName.PhotometricInterpretation), "MONOCHROME2");
            short[] pixels = new short[256];
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    boolean on = bars ? (y / 2) % 2 == 0 : (x - 7.5) * (x - 7.5) + (y - 7.5) * (y - 7.5) < 25;
                    pixels[y * 16 + x] = (short) (on ? 1000 + 37 * seriesNumber : 10 * i);
                }
            }
            OtherWordAttribute px = new OtherWordAttribute(TagFromName.PixelData);
            px.setValues(pixels);
            list.put(px);
            FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TEST");
            list.write(dir.resolve(series + "-" + i + ".dcm").toFile(), TransferSyntax.ExplicitVRLittleEndian, true,
                    true);
        }
    }

    private static void uid(AttributeList list, AttributeTag tag, String value) throws Exception {
        put(list, new UniqueIdentifierAttribute(tag), value);
    }

    private static void us(AttributeList list, AttributeTag tag, int value) throws Exception {
        Attribute a = new UnsignedShortAttribute(tag);
        a.addValue(value);
        list.put(a);
    }

    private static void put(AttributeList list, Attribute a, String value) throws Exception {
        a.addValue(value);
        list.put(a);
    }
}
