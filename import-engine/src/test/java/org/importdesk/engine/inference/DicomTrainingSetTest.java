package org.importdesk.engine.inference;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import org.importdesk.engine.dicom.DicomFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DicomTrainingSetTest {

    @Test
    void labelledSeriesOfTheModalityBecomeInputsAndTheRestIsCounted(@TempDir Path dir) throws Exception {
        // study A: two CT series (an axial series labelled by its study, a topogram); study B: one CT series labelled
        // itself, one MR series; study C: unlabelled
        write(dir, "a1", "1.1", "1.1.1", "CT", "Abdomen 5.0", 2);
        write(dir, "a2", "1.1", "1.1.2", "CT", "Topogram", 1);
        write(dir, "b1", "1.2", "1.2.1", "CT", "Thorax", 1);
        write(dir, "b2", "1.2", "1.2.2", "MR", "T2", 1);
        write(dir, "c1", "1.3", "1.3.1", "CT", "Head", 1);
        Files.writeString(dir.resolve("notes.txt"), "not DICOM"); // with labels.csv: 2 files that are not DICOM
        Path csv = dir.resolve("labels.csv");
        Files.writeString(csv, "uid,class\n1.1,ctab\n1.2,CTTA\n1.2.1,CTT\n");

        List<String> log = new ArrayList<>();
        List<DicomTrainingSet.Series> series = DicomTrainingSet.scan(dir, DicomFiles.pixelMed(), log::add);
        assertThat(series).hasSize(5);
        assertThat(series).filteredOn(s -> s.seriesUid().equals("1.1.1")).singleElement()
                .satisfies(s -> assertThat(s.files()).hasSize(2));
        assertThat(log.get(0)).contains("2 files without images or not DICOM");

        Map<String, String> labels = DicomTrainingSet.readLabels(csv);
        assertThat(labels).containsEntry("1.1", "CTAB").containsEntry("1.2.1", "CTT").doesNotContainKey("uid");

        List<List<Path>> asked = new ArrayList<>();
        DicomTrainingSet.FileSeriesInputs representation = (files, size) -> {
            asked.add(files);
            return Optional.of(new float[3 * size * size]);
        };
        LabelledInputs data = DicomTrainingSet.inputs(series, labels, "CT", 16, representation,
                VoterSettings.DEFAULT, log::add);
        assertThat(data.sources()).containsExactly("1.1.1", "1.2.1");
        assertThat(data.classCodes()).containsExactly("CTAB", "CTT");
        assertThat(asked).hasSize(2);
        assertThat(log.get(1)).contains("2 labelled series used, 1 unlabelled, 1 blacklisted");
    }

    @Test
    void malformedLabelLinesAreReportedWithTheirLineNumber(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "1.2.3,CTS\n1.2.4\n");
        assertThatThrownBy(() -> DicomTrainingSet.readLabels(csv)).hasMessageContaining("line 2");
    }

    private static void write(Path dir, String name, String study, String series, String modality,
                              String description, int instances) throws Exception {
        for (int i = 1; i <= instances; i++) {
            AttributeList list = new AttributeList();
            String sop = series + "." + i;
            uid(list, TagFromName.SOPClassUID, SOPClass.CTImageStorage);
            uid(list, TagFromName.SOPInstanceUID, sop);
            uid(list, TagFromName.StudyInstanceUID, study);
            uid(list, TagFromName.SeriesInstanceUID, series);
            put(list, new CodeStringAttribute(TagFromName.Modality), modality);
            put(list, new LongStringAttribute(TagFromName.SeriesDescription), description);
            put(list, new IntegerStringAttribute(TagFromName.InstanceNumber), Integer.toString(i));
            us(list, TagFromName.Rows, 4);
            us(list, TagFromName.Columns, 4);
            us(list, TagFromName.BitsAllocated, 16);
            us(list, TagFromName.BitsStored, 16);
            us(list, TagFromName.HighBit, 15);
            us(list, TagFromName.PixelRepresentation, 0);
            us(list, TagFromName.SamplesPerPixel, 1);
            put(list, new CodeStringAttribute(TagFromName.PhotometricInterpretation), "MONOCHROME2");
            OtherWordAttribute px = new OtherWordAttribute(TagFromName.PixelData);
            px.setValues(new short[16]);
            list.put(px);
            FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TEST");
            list.write(dir.resolve(name + "-" + i + ".dcm").toFile(), TransferSyntax.ExplicitVRLittleEndian, true,
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
