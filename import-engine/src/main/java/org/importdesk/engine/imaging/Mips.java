package org.importdesk.engine.imaging;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Maximum intensity projections by direct loops over the slices (one pass, all three axes at once, slices split
 * between the cores). Reslicing the volume first is several times slower.
 */
public final class Mips {
    private Mips() {
    }

    /** MIPs at the volume's own resolution. */
    public static Projections project(Volume v) {
        return projectResampled(v, v.depth());
    }

    /**
     * MIPs of the volume resampled along z to {@code depth} slices with cubic convolution (Keys, a = -0.5, the
     * kernel of ImageJ's bicubic), computed slice by slice without building the resampled volume. Slice centres
     * are aligned: output slice k samples input position (k + 0.5) * d / depth - 0.5, clamped at the ends.
     */
    public static Projections projectResampled(Volume v, int depth) {
        if (depth <= 0) {
            throw new IllegalArgumentException("depth must be positive: " + depth);
        }
        int w = v.width();
        int h = v.height();
        float[] coronal = new float[w * depth];
        float[] sagittal = new float[h * depth];
        int chunks = Math.max(1, Math.min(depth, Runtime.getRuntime().availableProcessors() * 2));
        float[][] axialParts = new float[chunks][];
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            float[] axial = new float[w * h];
            Arrays.fill(axial, Float.NEGATIVE_INFINITY);
            for (int zo = chunk; zo < depth; zo += chunks) {
                projectSlice(v, zo, depth, axial, coronal, sagittal);
            }
            axialParts[chunk] = axial;
        });
        float[] axial = axialParts[0];
        for (int c = 1; c < chunks; c++) {
            float[] part = axialParts[c];
            for (int i = 0; i < axial.length; i++) {
                if (part[i] > axial[i]) {
                    axial[i] = part[i];
                }
            }
        }
        return new Projections(w, h, depth, axial, coronal, sagittal);
    }

    /** Projects output slice zo (of depth) into the three projections, interpolating on the fly when needed. */
    private static void projectSlice(Volume v, int zo, int depth, float[] axial, float[] coronal, float[] sagittal) {
        int w = v.width();
        int h = v.height();
        int d = v.depth();
        int coronalRow = zo * w;
        int sagittalRow = zo * h;
        Arrays.fill(coronal, coronalRow, coronalRow + w, Float.NEGATIVE_INFINITY);
        double t = depth == d ? zo : (zo + 0.5) * d / depth - 0.5;
        int i = (int) Math.floor(t);
        double f = t - i;
        if (f < 1e-9) {
            float[] s = v.slices()[clamp(i, d)];
            for (int y = 0, p = 0; y < h; y++) {
                float rowMax = Float.NEGATIVE_INFINITY;
                for (int x = 0; x < w; x++, p++) {
                    float value = s[p];
                    rowMax = Math.max(rowMax, value);
                    coronal[coronalRow + x] = Math.max(coronal[coronalRow + x], value);
                    axial[p] = Math.max(axial[p], value);
                }
                sagittal[sagittalRow + y] = rowMax;
            }
            return;
        }
        float[] s0 = v.slices()[clamp(i - 1, d)];
        float[] s1 = v.slices()[clamp(i, d)];
        float[] s2 = v.slices()[clamp(i + 1, d)];
        float[] s3 = v.slices()[clamp(i + 2, d)];
        float w0 = (float) cubic(f + 1);
        float w1 = (float) cubic(f);
        float w2 = (float) cubic(1 - f);
        float w3 = (float) cubic(2 - f);
        for (int y = 0, p = 0; y < h; y++) {
            float rowMax = Float.NEGATIVE_INFINITY;
            for (int x = 0; x < w; x++, p++) {
                float value = w0 * s0[p] + w1 * s1[p] + w2 * s2[p] + w3 * s3[p];
                rowMax = Math.max(rowMax, value);
                coronal[coronalRow + x] = Math.max(coronal[coronalRow + x], value);
                axial[p] = Math.max(axial[p], value);
            }
            sagittal[sagittalRow + y] = rowMax;
        }
    }

    private static int clamp(int i, int d) {
        return i < 0 ? 0 : i >= d ? d - 1 : i;
    }

    /** Keys cubic convolution kernel with a = -0.5. */
    static double cubic(double x) {
        double a = -0.5;
        x = Math.abs(x);
        if (x <= 1) {
            return (a + 2) * x * x * x - (a + 3) * x * x + 1;
        }
        if (x < 2) {
            return a * x * x * x - 5 * a * x * x + 8 * a * x - 4 * a;
        }
        return 0;
    }
}
