package org.importdesk.engine.imaging;

import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/** In-plane resampling with ImageJ: bicubic, averaging when shrinking (no aliasing on large radiographs). */
public final class Resampling {
    private Resampling() {
    }

    /** {@code values} (width x height, row by row) resampled to {@code newWidth} x {@code newHeight}. */
    public static float[] resize(float[] values, int width, int height, int newWidth, int newHeight) {
        if (width == newWidth && height == newHeight) {
            return values.clone();
        }
        FloatProcessor fp = new FloatProcessor(width, height, values.clone());
        fp.setInterpolationMethod(ImageProcessor.BICUBIC);
        ImageProcessor resized = fp.resize(newWidth, newHeight, true);
        return (float[]) resized.getPixels();
    }

    /** Min-max normalisation to [0,1] in place; a constant image becomes all 0. Returns the same array. */
    public static float[] toUnitRange(float[] values) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        float range = hi - lo;
        for (int i = 0; i < values.length; i++) {
            float u = range > 0 ? (values[i] - lo) / range : 0f;
            values[i] = u < 0 ? 0 : u > 1 ? 1 : u;
        }
        return values;
    }
}
