package org.importdesk.engine.imaging;

import org.importdesk.engine.dicom.PixelFrame;
import org.importdesk.engine.dicom.VoiWindow;

import java.util.Arrays;
import java.util.Locale;

/**
 * Grey values as a reader sees them on screen, in [0,1]: the window is the file's first VOI window; without one, a CT
 * image gets the soft-tissue window (centre 40 HU, width 400 HU: the usual default of CT viewers, and close to what
 * display-windowed teaching sets such as MedNIST show), any other image the 1st to 99th percentile of its values (robust
 * to a few hot pixels and to the black border). MONOCHROME1 is inverted so that bright always means dense.
 */
public final class DisplayWindowing {
    public static final VoiWindow CT_SOFT_TISSUE = new VoiWindow(40, 400, "CT soft tissue (default)");

    private DisplayWindowing() {
    }

    /** The window the network input uses for a frame of the given modality. */
    public static VoiWindow windowFor(PixelFrame frame, String modality) {
        if (!frame.windows().isEmpty()) {
            return frame.windows().get(0);
        }
        if ("CT".equals(modality == null ? "" : modality.trim().toUpperCase(Locale.ROOT))) {
            return CT_SOFT_TISSUE;
        }
        return percentileWindow(frame.greyValues(), 0.01, 0.99);
    }

    /** The window spanning the given quantiles of the values (width at least 1e-6). */
    public static VoiWindow percentileWindow(float[] values, double low, double high) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        double lo = sorted[(int) Math.floor(low * (sorted.length - 1))];
        double hi = sorted[(int) Math.ceil(high * (sorted.length - 1))];
        double width = Math.max(hi - lo, 1e-6);
        return new VoiWindow(lo + width / 2, width, "percentile " + low + "-" + high);
    }

    /**
     * Histogram equalisation in place: each value becomes its mid-rank (ties share the mean of their ranks) divided by
     * n - 1, then inverted when asked; returns the values.
     */
    public static float[] equalise(float[] values, boolean invert) {
        int n = values.length;
        if (n < 2) {
            java.util.Arrays.fill(values, 0f);
            return values;
        }
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            // order-preserving int key of the float, index in the low bits
            int bits = Float.floatToIntBits(values[i] == 0f ? 0f : values[i]);
            int key = bits >= 0 ? bits : bits ^ 0x7fffffff;
            keyed[i] = ((long) key << 32) | i;
        }
        Arrays.sort(keyed);
        float[] out = new float[n];
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && (int) (keyed[end + 1] >> 32) == (int) (keyed[start] >> 32)) {
                end++;
            }
            float rank = (float) ((start + end) / 2.0 / (n - 1));
            for (int j = start; j <= end; j++) {
                out[(int) keyed[j]] = invert ? 1f - rank : rank;
            }
            start = end + 1;
        }
        System.arraycopy(out, 0, values, 0, n);
        return values;
    }

    /** The values through their own 1st-99th percentile window, inverted when asked, in place; returns them. */
    public static float[] percentile(float[] values, boolean invert) {
        return apply(values, percentileWindow(values, 0.01, 0.99), invert);
    }

    /** Values mapped through the window (linear, clipped) to [0,1], inverted when asked, in place; returns them. */
    public static float[] apply(float[] values, VoiWindow window, boolean invert) {
        double low = window.centre() - window.width() / 2;
        double scale = 1.0 / window.width();
        for (int i = 0; i < values.length; i++) {
            double y = (values[i] - low) * scale;
            float v = y <= 0 ? 0f : y >= 1 ? 1f : (float) y;
            values[i] = invert ? 1f - v : v;
        }
        return values;
    }
}
