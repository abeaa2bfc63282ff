package org.importdesk.viewer;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.importdesk.engine.dicom.GreyFrame;
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

    /** The frame through a linear VOI window (DICOM's function), MONOCHROME1 inverted. */
    public static Image windowed(GreyFrame frame, double centre, double width) {
        return grey(frame.columns(), frame.rows(), windowedBytes(frame, centre, width));
    }

    static byte[] windowedBytes(GreyFrame frame, double centre, double width) {
        float[] v = frame.values();
        byte[] out = new byte[v.length];
        double w = Math.max(1, width);
        double low = centre - 0.5 - (w - 1) / 2;
        double scale = 255.0 / (w - 1 <= 0 ? 1 : w - 1);
        boolean invert = frame.monochrome1();
        for (int i = 0; i < v.length; i++) {
            double g = (v[i] - low) * scale;
            int b = g <= 0 ? 0 : g >= 255 ? 255 : (int) g;
            out[i] = (byte) (invert ? 255 - b : b);
        }
        return out;
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
