package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small MR instances written with PixelMed for tests. */
public final class SyntheticInstances {
    public static final String MR = "1.2.840.10008.5.1.4.1.1.4";

    private SyntheticInstances() {
    }

    private static void put(AttributeList l, AttributeTag t, String v) throws Exception {
        Attribute a = AttributeFactory.newAttribute(t);
        a.addValue(v);
        l.put(a);
    }

    /** A small MR instance without Specific Character Set, with a reference to another instance of its series. */
    public static Path write(Path dir, String sop, String series, String study, String referenced) throws Exception {
        AttributeList l = new AttributeList();
        put(l, TagFromName.SOPClassUID, MR);
        put(l, TagFromName.SOPInstanceUID, sop);
        put(l, TagFromName.StudyInstanceUID, study);
        put(l, TagFromName.SeriesInstanceUID, series);
        put(l, TagFromName.FrameOfReferenceUID, "1.2.99.1");
        put(l, TagFromName.PatientName, "DOE^JOHN");
        put(l, TagFromName.PatientID, "EXT-1");
        put(l, TagFromName.PatientBirthDate, "19700101");
        put(l, TagFromName.Modality, "MR");
        put(l, TagFromName.AccessionNumber, "EXTACC");
        SequenceAttribute refs = new SequenceAttribute(TagFromName.ReferencedImageSequence);
        AttributeList item = new AttributeList();
        put(item, TagFromName.ReferencedSOPClassUID, MR);
        put(item, TagFromName.ReferencedSOPInstanceUID, referenced);
        refs.addItem(item);
        l.put(refs);
        for (AttributeTag t : new AttributeTag[]{TagFromName.Rows, TagFromName.Columns}) {
            Attribute a = AttributeFactory.newAttribute(t);
            a.addValue(4);
            l.put(a);
        }
        for (Object[] v : new Object[][]{{TagFromName.BitsAllocated, 16}, {TagFromName.BitsStored, 12},
                {TagFromName.HighBit, 11}, {TagFromName.PixelRepresentation, 0}, {TagFromName.SamplesPerPixel, 1}}) {
            Attribute a = AttributeFactory.newAttribute((AttributeTag) v[0]);
            a.addValue((Integer) v[1]);
            l.put(a);
        }
        put(l, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        OtherWordAttribute px = new OtherWordAttribute(TagFromName.PixelData);
        short[] pixels = new short[16];
        for (int i = 0; i < 16; i++) {
            pixels[i] = (short) (i * 257 + 3);
        }
        px.setValues(pixels);
        l.put(px);
        FileMetaInformation.addFileMetaInformation(l, TransferSyntaxes.EXPLICIT_LE, "TEST");
        Files.createDirectories(dir);
        Path f = dir.resolve(sop);
        l.write(f.toFile(), TransferSyntaxes.EXPLICIT_LE, true, true);
        return f;
    }

}
