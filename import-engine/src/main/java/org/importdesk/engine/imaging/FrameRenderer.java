package org.importdesk.engine.imaging;

import org.importdesk.engine.dicom.PixelFrame;
import org.importdesk.engine.dicom.VoiWindow;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Renders a decoded frame for display: VOI window (the file's first, else the frame's value range) with the
 * DICOM linear function, MONOCHROME1 inverted; colour frames as they are. Output: 8-bit grey or RGB.
 */
public final class FrameRenderer {
    private FrameRenderer() {
    }

    /** The window the frame shows with by default: the file's first, else min..max of the values. */
    public static VoiWindow defaultWindow(PixelFrame frame) {
        if (!frame.windows().isEmpty()) {
            return frame.windows().get(0);
        }
        double lo = frame.min();
        double hi = frame.max();
        double width = Math.max(hi - lo, 1e-6);
        return new VoiWindow(lo + width / 2, width, "min/max");
    }

    public static BufferedImage render(PixelFrame frame) {
        return render(frame, defaultWindow(frame));
    }

    public static BufferedImage render(PixelFrame frame, VoiWindow window) {
        int w = frame.columns();
        int h = frame.rows();
        java.nio.FloatBuffer values = frame.values();
        if (frame.isColour()) {
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            for (int i = 0, j = 0; i < out.length; i++, j += 3) {
                int r = Math.round(values.get(j));
                int g = Math.round(values.get(j + 1));
                int b = Math.round(values.get(j + 2));
                out[i] = r << 16 | g << 8 | b;
            }
            return image;
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        // PS3.3 C.11.2.1.2.1: linear VOI function with c - 0.5 and w - 1 (w >= 1 for integer data); windows
        // narrower than 2 come from float data (parametric maps, 0..1): LINEAR_EXACT (C.11.2.1.3.2), no offsets
        boolean exact = window.width() < 2;
        double c = exact ? window.centre() : window.centre() - 0.5;
        double ww = Math.max(exact ? window.width() : window.width() - 1, 1e-6);
        double low = c - ww / 2;
        double scale = 255.0 / ww;
        boolean invert = frame.isInverted();
        for (int i = 0; i < out.length; i++) {
            double y = (values.get(i) - low) * scale;
            int v = y <= 0 ? 0 : y >= 255 ? 255 : (int) Math.round(y);
            out[i] = (byte) (invert ? 255 - v : v);
        }
        return image;
    }

    /** Grey values in [0,1] (row by row) as an 8-bit grey image. */
    public static BufferedImage renderUnit(float[] unit, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < out.length; i++) {
            float v = unit[i];
            out[i] = (byte) (v <= 0 ? 0 : v >= 1 ? 255 : Math.round(v * 255));
        }
        return image;
    }
}
