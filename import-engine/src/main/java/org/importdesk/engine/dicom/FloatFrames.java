package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;

import java.util.ArrayList;
import java.util.List;

/**
 * Float Pixel Data (7FE0,0008) and Double Float Pixel Data (7FE0,0009), e.g. parametric maps: the values are the
 * frame's values as they are (no Modality LUT applies, PS3.3 C.7.6.3.1.2); greyscale only.
 */
final class FloatFrames {
    private FloatFrames() {
    }

    static DecodedFrames decode(Attribute pixelData, int rows, int columns, int samplesPerPixel, int numberOfFrames,
                                FrameChoice choice, int maxSide, DicomAttributes attributes, String ts)
            throws Exception {
        boolean doubles = "OD".equals(new String(pixelData.getVR()));
        String kind = doubles ? "double float pixel data" : "float pixel data";
        if (rows <= 0 || columns <= 0) {
            return DecodedFrames.noPreview(numberOfFrames, ts, "no preview: " + kind + " without Rows/Columns");
        }
        if (samplesPerPixel != 1) {
            return DecodedFrames.noPreview(numberOfFrames, ts, "no preview: " + kind + " with " + samplesPerPixel
                    + " samples per pixel");
        }
        double[] doubleValues = doubles ? pixelData.getDoubleValues() : null;
        float[] floatValues = doubles ? null : pixelData.getFloatValues();
        long available = doubles ? (doubleValues == null ? 0 : doubleValues.length)
                : (floatValues == null ? 0 : floatValues.length);
        int pixels = rows * columns;
        int factor = maxSide <= 0 ? 1 : Math.max(rows, columns) / maxSide;
        int step = factor >= 2 && rows >= factor && columns >= factor ? factor : 1;
        int outRows = rows / step;
        int outColumns = columns / step;
        List<PixelFrame> frames = new ArrayList<>();
        for (int index : choice.resolve(numberOfFrames)) {
            long first = (long) index * pixels;
            if (first + pixels > available) {
                return DecodedFrames.noPreview(numberOfFrames, ts, "no preview: " + kind + " too short for frame "
                        + (index + 1) + " (" + available + " values)");
            }
            float[] values = new float[outRows * outColumns];
            for (int r = 0; r < outRows; r++) {
                for (int c = 0; c < outColumns; c++) {
                    double sum = 0;
                    for (int y = r * step; y < (r + 1) * step; y++) {
                        int row = (int) first + y * columns;
                        for (int x = c * step; x < (c + 1) * step; x++) {
                            sum += doubles ? doubleValues[row + x] : floatValues[row + x];
                        }
                    }
                    values[r * outColumns + c] = (float) (sum / (step * step));
                }
            }
            frames.add(new PixelFrame(outRows, outColumns, 1, index, "MONOCHROME2", doubles ? 64 : 32, true,
                    FrameWindows.of(attributes, index), values));
        }
        if (frames.isEmpty()) {
            return DecodedFrames.noPreview(numberOfFrames, ts, "no preview: no frame selected");
        }
        return DecodedFrames.of(frames, numberOfFrames, ts);
    }
}
