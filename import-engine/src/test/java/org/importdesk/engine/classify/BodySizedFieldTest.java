package org.importdesk.engine.classify;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import org.importdesk.engine.media.MediumReader;
import org.importdesk.engine.media.MediumScan;
import org.importdesk.engine.media.StudyRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Studies without any usable text: what the acquisition itself says (CT field of view, video frame grabs). */
class BodySizedFieldTest {
    @TempDir
    Path tmp;

    private int n;

    /** One CT image without descriptions, body part or protocol; extra attributes as tag/value pairs. */
    private void ct(String study, String series, String imageType, Object... tagValues) throws Exception {
        image("1.2.840.10008.5.1.4.1.1.2", "CT", study, series, imageType, tagValues);
    }

    private void image(String sopClass, String modality, String study, String series, String imageType,
                       Object... tagValues) throws Exception {
        AttributeList list = new AttributeList();
        n++;
        put(list, TagFromName.SOPClassUID, sopClass);
        put(list, TagFromName.SOPInstanceUID, "1.2.826.0.1.99." + n);
        put(list, TagFromName.Modality, modality);
        put(list, TagFromName.PatientID, "P1");
        put(list, TagFromName.StudyInstanceUID, study);
        put(list, TagFromName.SeriesInstanceUID, series);
        put(list, TagFromName.ImageType, imageType.split("\\\\"));
        put(list, TagFromName.SamplesPerPixel, "1");
        put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        put(list, TagFromName.Rows, "8");
        put(list, TagFromName.Columns, "8");
        put(list, TagFromName.BitsAllocated, "16");
        put(list, TagFromName.BitsStored, "16");
        put(list, TagFromName.HighBit, "15");
        put(list, TagFromName.PixelRepresentation, "0");
        for (int i = 0; i < tagValues.length; i += 2) {
            put(list, (AttributeTag) tagValues[i], ((String) tagValues[i + 1]).split("\\\\"));
        }
        OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
        pixels.setValues(new short[64]);
        list.put(pixels);
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "IDTEST");
        try (OutputStream out = Files.newOutputStream(tmp.resolve("IM" + n))) {
            list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
        }
    }

    private static void put(AttributeList list, AttributeTag tag, String... values) throws DicomException {
        Attribute a = list.putNewAttribute(tag);
        for (String v : values) {
            a.addValue(v);
        }
    }

    @Test
    void aBodySizedFieldOrFeetFirstPositionGivesTheBodyPriorAndAHeadSizedFieldKeepsTheHeadPrior() throws Exception {
        ct("1.1", "1.1.1", "ORIGINAL\\PRIMARY\\AXIAL", TagFromName.ReconstructionDiameter, "350.0",
                TagFromName.PatientPosition, "HFS");
        ct("1.2", "1.2.1", "ORIGINAL\\PRIMARY\\AXIAL", TagFromName.ReconstructionDiameter, "230.0",
                TagFromName.PatientPosition, "HFS");
        // no Reconstruction Diameter: the field is Pixel Spacing x Columns (45 mm x 8 columns = 360 mm)
        ct("1.3", "1.3.1", "DERIVED\\SECONDARY\\AXIAL", TagFromName.PixelSpacing, "3.0\\45.0");
        ct("1.4", "1.4.1", "ORIGINAL\\PRIMARY\\AXIAL", TagFromName.ReconstructionDiameter, "200.0",
                TagFromName.PatientPosition, "FFS");
        // a head study's scout is body-sized: the localizer does not count, the axial head images do
        ct("1.5", "1.5.1", "ORIGINAL\\PRIMARY\\LOCALIZER", TagFromName.ReconstructionDiameter, "500.0");
        ct("1.5", "1.5.2", "ORIGINAL\\PRIMARY\\AXIAL", TagFromName.ReconstructionDiameter, "240.0");

        Map<String, StudyRecord> studies;
        try (MediumScan scan = new MediumReader().read(tmp)) {
            studies = scan.studies().stream().collect(Collectors.toMap(StudyRecord::studyInstanceUid, Function.identity()));
        }
        StudyClassifier classifier = new StudyClassifier(StudyClassifierTest.MAPPING, NetworkVoter.NONE,
                ClassifierMode.METADATA);
        Classification wide = classifier.classify(studies.get("1.1"));
        assertThat(wide.classCode()).contains("CTAB");
        assertThat(wide.decider()).isEqualTo("modality-prior");
        assertThat(wide.evidence().notes()).anyMatch(x -> x.contains("field of view 350 mm"));
        assertThat(classifier.classify(studies.get("1.2")).classCode()).contains("CTS");
        assertThat(classifier.classify(studies.get("1.3")).classCode()).contains("CTAB");
        assertThat(classifier.classify(studies.get("1.4")).evidence().notes()).anyMatch(x -> x.contains("feet-first"));
        assertThat(classifier.classify(studies.get("1.4")).classCode()).contains("CTAB");
        assertThat(classifier.classify(studies.get("1.5")).classCode()).contains("CTS");
    }

    @Test
    void networkVotesForTheHeadDoNotOverruleAnAcquisitionThatRulesOutTheHead() throws Exception {
        ct("3.1", "3.1.1", "ORIGINAL\\PRIMARY\\AXIAL", TagFromName.ReconstructionDiameter, "420.0");
        ct("3.2", "3.2.1", "ORIGINAL\\PRIMARY\\AXIAL", TagFromName.ReconstructionDiameter, "220.0");
        Map<String, StudyRecord> studies;
        try (MediumScan scan = new MediumReader().read(tmp)) {
            studies = scan.studies().stream().collect(Collectors.toMap(StudyRecord::studyInstanceUid, Function.identity()));
        }
        NetworkVoter alwaysHead = study -> study.series().stream()
                .map(s -> new SeriesVote(s.seriesInstanceUid(), "CTS", 0.99)).toList();
        for (ClassifierMode mode : new ClassifierMode[]{ClassifierMode.MERGED, ClassifierMode.NETWORK_LAST}) {
            StudyClassifier classifier = new StudyClassifier(StudyClassifierTest.MAPPING, alwaysHead, mode);
            Classification body = classifier.classify(studies.get("3.1"));
            assertThat(body.classCode()).as(mode.name()).contains("CTAB");
            assertThat(body.evidence().notes()).anyMatch(x -> x.contains("network vote CTS") && x.contains("dropped"));
            // a head-sized field rules nothing out: the network's vote stands
            assertThat(classifier.classify(studies.get("3.2")).classCode()).as(mode.name()).contains("CTS");
        }
    }

    @Test
    void aColourVideoFrameGrabStoredAsSecondaryCaptureIsTakenForUltrasound() throws Exception {
        String sc = "1.2.840.10008.5.1.4.1.1.7";
        image(sc, "OT", "2.1", "2.1.1", "DERIVED\\SECONDARY", TagFromName.ConversionType, "DV",
                TagFromName.SamplesPerPixel, "3", TagFromName.PhotometricInterpretation, "RGB", TagFromName.Rows, "4",
                TagFromName.Columns, "2");
        image(sc, "OT", "2.2", "2.2.1", "DERIVED\\SECONDARY", TagFromName.ConversionType, "WSD");
        Map<String, StudyRecord> studies;
        try (MediumScan scan = new MediumReader().read(tmp)) {
            studies = scan.studies().stream().collect(Collectors.toMap(StudyRecord::studyInstanceUid, Function.identity()));
        }
        StudyClassifier classifier = new StudyClassifier(StudyClassifierTest.MAPPING, NetworkVoter.NONE,
                ClassifierMode.METADATA);
        Classification video = classifier.classify(studies.get("2.1"));
        assertThat(video.classCode()).contains("UAB");
        assertThat(video.evidence().notes()).anyMatch(x -> x.contains("modality US"));
        assertThat(classifier.classify(studies.get("2.2")).classCode()).isEmpty();
    }
}
