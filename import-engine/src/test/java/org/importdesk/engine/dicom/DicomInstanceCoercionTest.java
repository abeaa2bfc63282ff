package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Coercion on an instance written here with PixelMed: values, originals, other IDs, UIDs, character set, pixels. */
class DicomInstanceCoercionTest {
    private static final String MR = "1.2.840.10008.5.1.4.1.1.4";

    static Path writeInstance(Path dir, String sop, String series, String study, String referenced) throws Exception {
        return SyntheticInstances.write(dir, sop, series, study, referenced);
    }

    private static InstanceCoercion coercion(Map<String, String> uidMap) {
        return new InstanceCoercion(Map.of(DicomTag.PATIENT_ID, "LOC-1", DicomTag.ISSUER_OF_PATIENT_ID, "HOSP",
                DicomTag.PATIENT_NAME, "Müller^Jörg", DicomTag.ACCESSION_NUMBER, "ACC-9"),
                Optional.of(new InstanceCoercion.Code("MR-HEAD", "99IMPORTDESK", "MR Kopf")),
                List.of(new InstanceCoercion.OtherPatientId("EXT-1", "OTHER-HOSP")), uidMap, "ImportDesk", "OTHER-HOSP",
                OffsetDateTime.parse("2026-11-22T01:02:03Z"));
    }

    private static DicomAttributes roundTrip(DicomInstance i, String ts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        i.writeDataSet(out, ts);
        return DicomDataSets.readDataSet(out.toByteArray(), ts);
    }

    @Test
    void coercedValuesWithTheOriginalsKeptAndPixelsUntouched(@TempDir Path dir) throws Exception {
        Path f = writeInstance(dir, "1.2.3.1", "1.2.3.2", "1.2.3.3", "1.2.3.9");
        DicomInstance i = DicomInstance.read(f);
        byte[] pixelsBefore = i.attributes().bytes(DicomTag.PIXEL_DATA);
        i.coerce(coercion(Map.of()));

        for (String ts : List.of(TransferSyntaxes.EXPLICIT_LE, TransferSyntaxes.IMPLICIT_LE)) {
            DicomAttributes a = roundTrip(i, ts);
            assertThat(a.string(DicomTag.PATIENT_ID)).isEqualTo("LOC-1");
            assertThat(a.string(DicomTag.PATIENT_NAME)).isEqualTo("Müller^Jörg");
            assertThat(a.string(DicomTag.SPECIFIC_CHARACTER_SET)).isEqualTo("ISO_IR 192");
            assertThat(a.string(DicomTag.ACCESSION_NUMBER)).isEqualTo("ACC-9");
            assertThat(a.string(DicomTag.PATIENT_BIRTH_DATE)).as("not coerced").isEqualTo("19700101");
            assertThat(a.string(0x00080015)).startsWith("20261122010203");
            assertThat(a.sequence(DicomTag.PROCEDURE_CODE_SEQUENCE)).singleElement()
                    .satisfies(c -> assertThat(c.string(DicomTag.CODE_VALUE)).isEqualTo("MR-HEAD"));
            assertThat(a.sequence(DicomTag.OTHER_PATIENT_IDS_SEQUENCE)).singleElement().satisfies(o -> {
                assertThat(o.string(DicomTag.PATIENT_ID)).isEqualTo("EXT-1");
                assertThat(o.string(DicomTag.ISSUER_OF_PATIENT_ID)).isEqualTo("OTHER-HOSP");
            });
            DicomAttributes original = a.sequence(0x04000561).get(0);
            assertThat(original.string(0x04000565)).isEqualTo("COERCE");
            assertThat(original.string(0x04000563)).isEqualTo("ImportDesk");
            DicomAttributes before = original.sequence(0x04000550).get(0);
            assertThat(before.string(DicomTag.PATIENT_ID)).isEqualTo("EXT-1");
            assertThat(before.string(DicomTag.PATIENT_NAME)).isEqualTo("DOE^JOHN");
            assertThat(before.string(DicomTag.ACCESSION_NUMBER)).isEqualTo("EXTACC");
            assertThat(before.contains(DicomTag.ISSUER_OF_PATIENT_ID)).as("absent before: kept empty").isTrue();
            assertThat(before.contains(DicomTag.PATIENT_BIRTH_DATE)).as("unchanged: not listed").isFalse();
            assertThat(a.bytes(DicomTag.PIXEL_DATA)).isEqualTo(pixelsBefore);
            assertThat(a.string(DicomTag.SOP_INSTANCE_UID)).isEqualTo("1.2.3.1");
        }
    }

    @Test
    void newUidsAreAppliedToEveryReferenceButNotToOtherUids(@TempDir Path dir) throws Exception {
        Path f = writeInstance(dir, "1.2.3.1", "1.2.3.2", "1.2.3.3", "1.2.3.9");
        DicomInstance i = DicomInstance.read(f);
        i.coerce(coercion(Map.of("1.2.3.1", "2.25.1", "1.2.3.2", "2.25.2", "1.2.3.3", "2.25.3", "1.2.3.9", "2.25.9")));
        DicomAttributes a = roundTrip(i, TransferSyntaxes.EXPLICIT_LE);
        assertThat(a.string(DicomTag.SOP_INSTANCE_UID)).isEqualTo("2.25.1");
        assertThat(a.string(DicomTag.SERIES_INSTANCE_UID)).isEqualTo("2.25.2");
        assertThat(a.string(DicomTag.STUDY_INSTANCE_UID)).isEqualTo("2.25.3");
        assertThat(a.sequence(0x00081140).get(0).string(0x00081155)).isEqualTo("2.25.9");
        assertThat(a.sequence(0x00081140).get(0).string(0x00081150)).as("SOP class kept").isEqualTo(MR);
        assertThat(a.string(0x00200052)).as("frame of reference kept").isEqualTo("1.2.99.1");
        DicomAttributes before = a.sequence(0x04000561).get(0).sequence(0x04000550).get(0);
        assertThat(before.string(DicomTag.SOP_INSTANCE_UID)).isEqualTo("1.2.3.1");
        assertThat(before.string(DicomTag.STUDY_INSTANCE_UID)).isEqualTo("1.2.3.3");
    }

    @Test
    void nativeSyntaxesConvertButCompressedOnesDoNot(@TempDir Path dir) throws Exception {
        DicomInstance i = DicomInstance.read(writeInstance(dir, "1.2.3.1", "1.2.3.2", "1.2.3.3", "1.2.3.9"));
        assertThat(i.transferSyntaxUid()).isEqualTo(TransferSyntaxes.EXPLICIT_LE);
        assertThat(i.canWriteIn(TransferSyntaxes.IMPLICIT_LE)).isTrue();
        assertThat(i.canWriteIn("1.2.840.10008.1.2.4.70")).isFalse();
    }
}
