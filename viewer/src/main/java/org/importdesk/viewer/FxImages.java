package org.importdesk.viewer;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.importdesk.engine.dicom.PixelFrame;
import org.importdesk.engine.media.IconImage;

import java.awt.image.BufferedImage;

/** Conversions from the engine's images to JavaFX images. All safe to call off the FX thread. */
public final class FxImages {

    private FxImages() {
    }

    public static Image of(BufferedImage image) {
        return SwingFXUtils.toFXImage(image, null);
    }

    /** A DICOMDIR icon (8-bit grey) as an image. */
    public static Image of(IconImage icon) {
        return grey(icon.columns(), icon.rows(), icon.grey());
    }

    /**
     * The frame through a linear VOI window (DICOM's function), MONOCHROME1 inverted. Colour frames show as they
     * are: a window does not apply to them.
     */
    public static Image windowed(PixelFrame frame, double centre, double width) {
        return windowed(frame, centre, width, null);
    }

    /**
     * As {@link #windowed(PixelFrame, double, double)}, drawing into {@code reuse} when it has the frame's size (window
     * dragging repaints many times a second: no new image each time).
     */
    public static Image windowed(PixelFrame frame, double centre, double width, WritableImage reuse) {
        if (frame.isColour()) {
            return rgb(frame);
        }
        java.nio.FloatBuffer v = frame.values();
        int n = frame.rows() * frame.columns();
        boolean fits = reuse != null && (int) reuse.getWidth() == frame.columns() && (int) reuse.getHeight() == frame.rows();
        byte[] bgra = new byte[n * 4];
        double w = Math.max(1e-6, width);
        double low = centre - w / 2;
        double scale = 255.0 / w;
        boolean invert = frame.isInverted();
        for (int i = 0, j = 0; i < n; i++, j += 4) {
            double g = (v.get(i) - low) * scale;
            int b = g <= 0 ? 0 : g >= 255 ? 255 : (int) g;
            byte grey = (byte) (invert ? 255 - b : b);
            bgra[j] = grey;
            bgra[j + 1] = grey;
            bgra[j + 2] = grey;
            bgra[j + 3] = (byte) 0xFF;
        }
        WritableImage image = fits ? reuse : new WritableImage(frame.columns(), frame.rows());
        image.getPixelWriter().setPixels(0, 0, frame.columns(), frame.rows(), PixelFormat.getByteBgraPreInstance(), bgra, 0,
                frame.columns() * 4);
        return image;
    }

    private static Image rgb(PixelFrame frame) {
        java.nio.FloatBuffer v = frame.values();
        int n = frame.rows() * frame.columns();
        byte[] bgra = new byte[n * 4];
        for (int i = 0; i < n; i++) {
            bgra[i * 4] = clamp(v.get(i * 3 + 2));
            bgra[i * 4 + 1] = clamp(v.get(i * 3 + 1));
            bgra[i * 4 + 2] = clamp(v.get(i * 3));
            bgra[i * 4 + 3] = (byte) 0xFF;
        }
        WritableImage image = new WritableImage(frame.columns(), frame.rows());
        image.getPixelWriter().setPixels(0, 0, frame.columns(), frame.rows(), PixelFormat.getByteBgraPreInstance(), bgra, 0,
                frame.columns() * 4);
        return image;
    }

    private static byte clamp(float f) {
        return (byte) (f <= 0 ? 0 : f >= 255 ? 255 : Math.round(f));
    }

    static WritableImage grey(int width, int height, byte[] grey) {
        byte[] bgra = new byte[width * height * 4];
        for (int i = 0, j = 0; i < grey.length; i++, j += 4) {
            byte g = grey[i];
            bgra[j] = g;
            bgra[j + 1] = g;
            bgra[j + 2] = g;
            bgra[j + 3] = (byte) 0xFF;
        }
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getByteBgraPreInstance(), bgra, 0, width * 4);
        return image;
    }
}
