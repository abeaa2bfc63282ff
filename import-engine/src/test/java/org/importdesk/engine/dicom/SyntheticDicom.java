package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small uncompressed DICOM images with PixelMed for tests (the fixtures are made, never copied). */
public final class SyntheticDicom {
    private final AttributeList list = new AttributeList();
    private static int counter;

    private SyntheticDicom() {
    }

    /** A greyscale image with 16-bit stored values (signed or not). */
    public static SyntheticDicom grey16(int rows, int columns, short[] values, boolean signed) throws Exception {
        SyntheticDicom d = new SyntheticDicom();
        d.common(rows, columns, 1, 16, "MONOCHROME2");
        d.us(TagFromName.PixelRepresentation, signed ? 1 : 0);
        OtherWordAttribute px = new OtherWordAttribute(TagFromName.PixelData);
        px.setValues(values);
        d.list.put(px);
        return d;
    }

    /** An 8-bit image: grey (samples 1) or RGB (samples 3, planar configuration as given). */
    public static SyntheticDicom bytes8(int rows, int columns, int samples, int planar, byte[] values)
            throws Exception {
        SyntheticDicom d = new SyntheticDicom();
        d.common(rows, columns, samples, 8, samples == 3 ? "RGB" : "MONOCHROME2");
        d.us(TagFromName.PixelRepresentation, 0);
        if (samples == 3) {
            d.us(TagFromName.PlanarConfiguration, planar);
        }
        OtherByteAttribute px = new OtherByteAttribute(TagFromName.PixelData);
        px.setValues(values);
        d.list.put(px);
        return d;
    }

    private void common(int rows, int columns, int samples, int bits, String photometric) throws Exception {
        counter++;
        uid(TagFromName.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7");
        uid(TagFromName.SOPInstanceUID, "1.2.3.4.5.6." + System.nanoTime() + "." + counter);
        uid(TagFromName.StudyInstanceUID, "1.2.3.4.5.7");
        uid(TagFromName.SeriesInstanceUID, "1.2.3.4.5.8");
        cs(TagFromName.Modality, "OT");
        us(TagFromName.Rows, rows);
        us(TagFromName.Columns, columns);
        us(TagFromName.SamplesPerPixel, samples);
        us(TagFromName.BitsAllocated, bits);
        us(TagFromName.BitsStored, bits);
        us(TagFromName.HighBit, bits - 1);
        cs(TagFromName.PhotometricInterpretation, photometric);
    }

    public SyntheticDicom modality(String modality) throws Exception {
        return cs(TagFromName.Modality, modality);
    }

    public SyntheticDicom photometric(String photometric) throws Exception {
        return cs(TagFromName.PhotometricInterpretation, photometric);
    }

    public SyntheticDicom bitsStored(int bits) throws Exception {
        us(TagFromName.BitsStored, bits);
        return us(TagFromName.HighBit, bits - 1);
    }

    public SyntheticDicom frames(int n) throws Exception {
        IntegerStringAttribute a = new IntegerStringAttribute(TagFromName.NumberOfFrames);
        a.addValue(n);
        list.put(a);
        return this;
    }

    public SyntheticDicom instanceNumber(int n) throws Exception {
        IntegerStringAttribute a = new IntegerStringAttribute(TagFromName.InstanceNumber);
        a.addValue(n);
        list.put(a);
        return this;
    }

    public SyntheticDicom rescale(double slope, double intercept) throws Exception {
        ds(TagFromName.RescaleSlope, slope);
        return ds(TagFromName.RescaleIntercept, intercept);
    }

    public SyntheticDicom window(double centre, double width) throws Exception {
        ds(TagFromName.WindowCenter, centre);
        return ds(TagFromName.WindowWidth, width);
    }

    public SyntheticDicom seriesUid(String uid) throws Exception {
        return uid(TagFromName.SeriesInstanceUID, uid);
    }

    public Path write(Path dir, String name) throws Exception {
        return write(dir, name, TransferSyntax.ExplicitVRLittleEndian);
    }

    public Path write(Path dir, String name, String transferSyntax) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        FileMetaInformation.addFileMetaInformation(list, transferSyntax, "TEST");
        list.write(file.toFile(), transferSyntax, true, true);
        return file;
    }

    private SyntheticDicom us(AttributeTag tag, int v) throws Exception {
        Attribute a = new UnsignedShortAttribute(tag);
        a.addValue(v);
        list.put(a);
        return this;
    }

    private SyntheticDicom cs(AttributeTag tag, String v) throws Exception {
        Attribute a = new CodeStringAttribute(tag);
        a.addValue(v);
        list.put(a);
        return this;
    }

    private SyntheticDicom ds(AttributeTag tag, double v) throws Exception {
        Attribute a = new DecimalStringAttribute(tag);
        a.addValue(v);
        list.put(a);
        return this;
    }

    private SyntheticDicom uid(AttributeTag tag, String v) throws Exception {
        Attribute a = new UniqueIdentifierAttribute(tag);
        a.addValue(v);
        list.put(a);
        return this;
    }
}
