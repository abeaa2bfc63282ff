package org.importdesk.engine.dicom;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * One decoded frame, immutable. Greyscale frames ({@link #samplesPerPixel()} 1) hold the modality values: stored
 * values with the sign applied and the Modality LUT (rescale slope and intercept, per frame for enhanced objects)
 * applied, e.g. Hounsfield units for CT. Colour frames (3 samples) hold R, G, B interleaved, scaled to 0..255:
 * YBR and PALETTE COLOR are already converted.
 *
 * @param frameIndex                0-based index of the frame in its file
 * @param photometricInterpretation as the file declares it (MONOCHROME1 needs inverting for display)
 * @param windows                   the VOI windows the file gives for this frame, first is the default; may be empty
 */
public final class PixelFrame {
    private final int rows;
    private final int columns;
    private final int samplesPerPixel;
    private final int frameIndex;
    private final String photometricInterpretation;
    private final int bitsStored;
    private final boolean signed;
    private final List<VoiWindow> windows;
    private final float[] values;
    private final float min;
    private final float max;

    public PixelFrame(int rows, int columns, int samplesPerPixel, int frameIndex, String photometricInterpretation,
                      int bitsStored, boolean signed, List<VoiWindow> windows, float[] values) {
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("frame size must be positive: " + rows + "x" + columns);
        }
        if (samplesPerPixel != 1 && samplesPerPixel != 3) {
            throw new IllegalArgumentException("samples per pixel must be 1 or 3: " + samplesPerPixel);
        }
        if (values.length != (long) rows * columns * samplesPerPixel) {
            throw new IllegalArgumentException("expected " + (long) rows * columns * samplesPerPixel + " values, got "
                    + values.length);
        }
        this.rows = rows;
        this.columns = columns;
        this.samplesPerPixel = samplesPerPixel;
        this.frameIndex = frameIndex;
        this.photometricInterpretation = photometricInterpretation == null ? "" : photometricInterpretation;
        this.bitsStored = bitsStored;
        this.signed = signed;
        this.windows = List.copyOf(windows);
        this.values = values.clone();
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : this.values) {
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        this.min = lo;
        this.max = hi;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int samplesPerPixel() {
        return samplesPerPixel;
    }

    public boolean isColour() {
        return samplesPerPixel == 3;
    }

    public int frameIndex() {
        return frameIndex;
    }

    public String photometricInterpretation() {
        return photometricInterpretation;
    }

    /** Whether display must invert it: MONOCHROME1 (high values dark). */
    public boolean isInverted() {
        return "MONOCHROME1".equals(photometricInterpretation);
    }

    public int bitsStored() {
        return bitsStored;
    }

    public boolean signed() {
        return signed;
    }

    public List<VoiWindow> windows() {
        return windows;
    }

    /** Smallest value (over all samples). */
    public float min() {
        return min;
    }

    /** Largest value (over all samples). */
    public float max() {
        return max;
    }

    /** Grey value at row {@code r}, column {@code c} (sample 0 for colour frames). */
    public float value(int r, int c) {
        return values[(r * columns + c) * samplesPerPixel];
    }

    /** Sample {@code s} of the pixel at row {@code r}, column {@code c}. */
    public float sample(int r, int c, int s) {
        return values[(r * columns + c) * samplesPerPixel + s];
    }

    /** All values, row by row, samples interleaved; a read-only view (no copy). */
    public FloatBuffer values() {
        return FloatBuffer.wrap(values).asReadOnlyBuffer();
    }

    /** A copy of all values, row by row, samples interleaved. */
    public float[] toArray() {
        return values.clone();
    }

    /** Greyscale version: the frame itself when grey, else luminance 0.299 R + 0.587 G + 0.114 B. */
    public float[] greyValues() {
        if (samplesPerPixel == 1) {
            return values.clone();
        }
        float[] out = new float[rows * columns];
        for (int i = 0, j = 0; i < out.length; i++, j += 3) {
            out[i] = 0.299f * values[j] + 0.587f * values[j + 1] + 0.114f * values[j + 2];
        }
        return out;
    }

    @Override
    public String toString() {
        return "PixelFrame[" + rows + "x" + columns + "x" + samplesPerPixel + " " + photometricInterpretation
                + " frame " + frameIndex + " range " + min + ".." + max + "]";
    }
}
