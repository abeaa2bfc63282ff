package org.importdesk.engine.inference;

import org.importdesk.engine.imaging.DisplayWindowing;
import org.importdesk.engine.imaging.InputEncoding;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Building network inputs from plain images: greyscale, resampled bilinearly to S x S, min-max scaled to [0,1]. A single
 * 2D image gives the paper's representation of a 2D series (first, middle and last image are the same image), i.e. the
 * grey image in all three channels. Series of DICOM images get their input from the imaging package.
 */
public final class InputImages {

    private InputImages() {
    }

    /** Reads a JPEG/PNG file as one 2D image input, min-max scaled. */
    public static float[] fromImageFile(Path file, int size) throws IOException {
        return fromImageFile(file, size, InputEncoding.Scaling.MIN_MAX);
    }

    /**
     * Reads a JPEG/PNG file as one 2D image input with the given scaling (an image file is already displayed:
     * {@code DISPLAY_WINDOW} keeps it as it is, min-max scaled).
     */
    public static float[] fromImageFile(Path file, int size, InputEncoding.Scaling scaling) throws IOException {
        BufferedImage image = read(file);
        if (image == null) {
            throw new IOException("not a readable image: " + file);
        }
        return fromImage(image, size, scaling);
    }

    /**
     * Reads with the first reader for the file's suffix that is not PixelMed's: PixelMed's lossless-JPEG plugin prints
     * to stdout whenever ImageIO probes it with an ordinary JPEG.
     */
    private static BufferedImage read(Path file) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            var readers = ImageIO.getImageReadersBySuffix(name.substring(dot + 1));
            while (readers.hasNext()) {
                javax.imageio.ImageReader reader = readers.next();
                if (reader.getClass().getName().startsWith("com.pixelmed")) {
                    continue;
                }
                try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                    reader.setInput(in);
                    return reader.read(0);
                } finally {
                    reader.dispose();
                }
            }
        }
        return ImageIO.read(file.toFile());
    }

    public static float[] fromImage(BufferedImage image, int size) {
        return fromImage(image, size, InputEncoding.Scaling.MIN_MAX);
    }

    public static float[] fromImage(BufferedImage image, int size, InputEncoding.Scaling scaling) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] grey = new float[w * h];
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        if (image.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY && bands == 1) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    grey[y * w + x] = raster.getSampleFloat(x, y, 0);
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = image.getRGB(x, y);
                    grey[y * w + x] = 0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff)
                            + 0.114f * (rgb & 0xff);
                }
            }
        }
        float[] resized = resize(grey, w, h, size);
        float[] channel = switch (scaling) {
            case PERCENTILE_WINDOW -> DisplayWindowing.percentile(resized, false);
            case EQUALISED -> DisplayWindowing.equalise(resized, false);
            case MIN_MAX, DISPLAY_WINDOW -> unitRange(resized);
        };
        return stack(channel, channel, channel);
    }

    /** Three S x S channels into one 3 x S x S input. */
    public static float[] stack(float[] first, float[] second, float[] third) {
        int n = first.length;
        if (second.length != n || third.length != n) {
            throw new IllegalArgumentException("channels differ in size");
        }
        float[] out = new float[3 * n];
        System.arraycopy(first, 0, out, 0, n);
        System.arraycopy(second, 0, out, n, n);
        System.arraycopy(third, 0, out, 2 * n, n);
        return out;
    }

    /** Bilinear resampling (pixel centres aligned) of a w x h image to size x size. */
    public static float[] resize(float[] src, int w, int h, int size) {
        if (src.length != w * h) {
            throw new IllegalArgumentException("image of " + src.length + " values is not " + w + " x " + h);
        }
        if (w == size && h == size) {
            return src.clone();
        }
        float[] out = new float[size * size];
        double sx = (double) w / size;
        double sy = (double) h / size;
        for (int y = 0; y < size; y++) {
            double fy = Math.max(0, Math.min(h - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(h - 1, y0 + 1);
            double dy = fy - y0;
            for (int x = 0; x < size; x++) {
                double fx = Math.max(0, Math.min(w - 1, (x + 0.5) * sx - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(w - 1, x0 + 1);
                double dx = fx - x0;
                double top = src[y0 * w + x0] * (1 - dx) + src[y0 * w + x1] * dx;
                double bottom = src[y1 * w + x0] * (1 - dx) + src[y1 * w + x1] * dx;
                out[y * size + x] = (float) (top * (1 - dy) + bottom * dy);
            }
        }
        return out;
    }

    /** Min-max scaling to [0,1]; a constant image becomes all zeros. */
    public static float[] unitRange(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float[] out = new float[values.length];
        float range = max - min;
        if (range > 0) {
            for (int i = 0; i < values.length; i++) {
                out[i] = (values[i] - min) / range;
            }
        }
        return out;
    }
}
