package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Damaged files never make the prober throw: every cut and many random byte changes give an answer. */
class ProberRobustnessTest {
    @TempDir
    Path tmp;

    private static byte[] sample(String transferSyntax) throws Exception {
        AttributeList list = new AttributeList();
        put(list, TagFromName.SpecificCharacterSet, "ISO_IR 192");
        put(list, TagFromName.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        put(list, TagFromName.SOPInstanceUID, "1.2.3.4.5.6");
        put(list, TagFromName.PatientName, "Müller^Jürgen");
        put(list, TagFromName.PatientID, "ID1");
        put(list, TagFromName.StudyInstanceUID, "1.2.3.4");
        put(list, TagFromName.SeriesInstanceUID, "1.2.3.4.5");
        SequenceAttribute codes = new SequenceAttribute(TagFromName.ProcedureCodeSequence);
        AttributeList item = new AttributeList();
        put(item, TagFromName.CodeValue, "CTHEAD");
        put(item, TagFromName.CodingSchemeDesignator, "99LOCAL");
        put(item, TagFromName.CodeMeaning, "CT Kopf");
        codes.addItem(item);
        list.put(codes);
        put(list, TagFromName.Rows, "4");
        put(list, TagFromName.Columns, "4");
        put(list, TagFromName.BitsAllocated, "16");
        put(list, TagFromName.SamplesPerPixel, "1");
        com.pixelmed.dicom.OtherWordAttribute pixels = new com.pixelmed.dicom.OtherWordAttribute(TagFromName.PixelData);
        pixels.setValues(new short[16]);
        list.put(pixels);
        FileMetaInformation.addFileMetaInformation(list, transferSyntax, "IDTEST");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        list.write(out, transferSyntax, true, true);
        return out.toByteArray();
    }

    private static void put(AttributeList list, com.pixelmed.dicom.AttributeTag tag, String value) throws Exception {
        Attribute a = list.putNewAttribute(tag);
        a.addValue(value);
    }

    @Test
    void readsTheSampleInEveryTransferSyntaxItWrites() throws Exception {
        for (String ts : new String[]{TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian,
                TransferSyntax.ExplicitVRBigEndian, TransferSyntax.DeflatedExplicitVRLittleEndian}) {
            Path f = tmp.resolve("sample");
            Files.write(f, sample(ts));
            DicomProbe p = DicomProbe.Prober.pixelMed().probe(f, Files.size(f));
            assertThat(p.kind()).as(ts).isEqualTo(DicomProbe.Kind.HEADER);
            DicomAttributes a = p.header().orElseThrow().attributes();
            assertThat(p.header().get().transferSyntaxUid()).isEqualTo(ts);
            assertThat(a.string(DicomTag.PATIENT_NAME)).as(ts).isEqualTo("Müller^Jürgen");
            assertThat(a.integer(DicomTag.ROWS)).as(ts).hasValue(4);
            assertThat(a.sequence(DicomTag.PROCEDURE_CODE_SEQUENCE)).as(ts).hasSize(1);
            assertThat(a.sequence(DicomTag.PROCEDURE_CODE_SEQUENCE).get(0).string(DicomTag.CODE_MEANING))
                    .isEqualTo("CT Kopf");
            assertThat(p.header().get().hasPixelData()).isTrue();
        }
    }

    @Test
    void everyCutAndRandomDamageGivesAnAnswerNeverAnException() throws Exception {
        DicomProbe.Prober prober = DicomProbe.Prober.pixelMed();
        Random random = new Random(42);
        for (String ts : new String[]{TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ImplicitVRLittleEndian}) {
            byte[] whole = sample(ts);
            Path f = tmp.resolve("damaged");
            for (int cut = 0; cut < whole.length; cut += 7) {
                Files.write(f, Arrays.copyOf(whole, cut));
                DicomProbe p = prober.probe(f, cut);
                assertThat(p).isNotNull();
                if (cut > 140 && p.kind() == DicomProbe.Kind.HEADER) {
                    // a cut between two elements leaves a valid, shorter data set: never one claiming its pixels
                    assertThat(p.header().get().hasPixelData()).as("cut at " + cut).isFalse();
                }
            }
            for (int round = 0; round < 300; round++) {
                byte[] damaged = whole.clone();
                for (int k = 0; k < 4; k++) {
                    damaged[132 + random.nextInt(damaged.length - 132)] = (byte) random.nextInt(256);
                }
                Files.write(f, damaged);
                assertThat(prober.probe(f, damaged.length)).isNotNull();
            }
        }
    }
}
