package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

final class PixelMedGreyFrameReader implements GreyFrameReader {

    @Override
    public GreyFrame read(Path file) throws DicomReadException {
        AttributeList list = new AttributeList();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 256 * 1024);
             DicomInputStream dis = new DicomInputStream(in)) {
            list.read(dis);
        } catch (IOException | DicomException e) {
            throw new DicomReadException(file, "cannot read pixels: " + e.getMessage(), e);
        }
        String ts = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID);
        if (!ts.isEmpty() && !(ts.equals(TransferSyntax.ExplicitVRLittleEndian) || ts.equals(TransferSyntax.ImplicitVRLittleEndian)
                || ts.equals(TransferSyntax.ExplicitVRBigEndian))) {
            throw new DicomReadException(file, "no preview here for transfer syntax " + ts, null);
        }
        int samples = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1);
        if (samples != 1) {
            throw new DicomReadException(file, "no preview here for colour images", null);
        }
        int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
        int bitsAllocated = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 16);
        int bitsStored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, bitsAllocated);
        boolean signed = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
        double slope = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleSlope, 1.0);
        double intercept = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleIntercept, 0.0);
        Attribute pixelData = list.get(TagFromName.PixelData);
        if (pixelData == null || rows <= 0 || columns <= 0) {
            throw new DicomReadException(file, "no pixel data", null);
        }
        int n = rows * columns;
        float[] values = new float[n];
        try {
            if (bitsAllocated == 8) {
                byte[] b = pixelData.getByteValues();
                for (int i = 0; i < n; i++) {
                    values[i] = (float) ((b[i] & 0xFF) * slope + intercept);
                }
            } else if (bitsAllocated == 16) {
                short[] s = pixelData.getShortValues();
                int shift = 32 - bitsStored;
                for (int i = 0; i < n; i++) {
                    int raw = signed ? (s[i] << shift) >> shift : s[i] & ((1 << bitsStored) - 1);
                    values[i] = (float) (raw * slope + intercept);
                }
            } else {
                throw new DicomReadException(file, "no preview here for " + bitsAllocated + "-bit pixels", null);
            }
        } catch (DicomException | ArrayIndexOutOfBoundsException e) {
            throw new DicomReadException(file, "pixel data shorter than rows x columns (cut-off file?)", e);
        }
        double centre = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.WindowCenter, Double.NaN);
        double width = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.WindowWidth, Double.NaN);
        if (Double.isNaN(centre) || !(width > 0)) {
            float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
            for (float v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            centre = (lo + hi) / 2.0;
            width = Math.max(1, hi - lo);
        }
        boolean mono1 = "MONOCHROME1".equals(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PhotometricInterpretation));
        return new GreyFrame(rows, columns, values, centre, width, mono1);
    }
}
