package org.importdesk.engine.dicom;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.awt.image.Raster;
import java.util.Iterator;

/**
 * 8-bit DCT JPEG frames through the JDK's own ImageIO reader (libjpeg), read as a {@link Raster}: the samples as
 * coded, no colour conversion, no {@code BufferedImage}. PixelMed's route for the same frames builds its images
 * through {@code com.pixelmed.display.BufferedImageUtilities}, whose first use asks AWT for a screen and logs a
 * HeadlessException on machines without a display.
 *
 * <p>Three-component frames are YCbCr as coded unless the stream says RGB, as libjpeg decides it: an Adobe APP14
 * segment with transform 0, or component identifiers 'R', 'G', 'B'. Source subsampling (every n-th pixel of every
 * n-th row) gives smaller rasters for thumbnails.
 */
final class JdkJpegReader {
    record Image(int width, int height, int components, int[] samples, boolean rgbCoded) {
    }

    private JdkJpegReader() {
    }

    static Image decode(byte[] jpeg, int subsampling) throws DecodeException {
        ImageReader reader = jdkReader();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            Raster raster = reader.readRaster(0, param);
            int w = raster.getWidth();
            int h = raster.getHeight();
            int bands = raster.getNumBands();
            int[] samples = raster.getPixels(raster.getMinX(), raster.getMinY(), w, h, (int[]) null);
            return new Image(w, h, bands, samples, bands == 3 && codedAsRgb(jpeg));
        } catch (java.io.IOException | RuntimeException e) {
            String m = e.getMessage();
            throw new DecodeException("JDK JPEG reader: " + (m == null ? e.getClass().getSimpleName() : m), e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader jdkReader() throws DecodeException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        ImageReader fallback = null;
        while (readers.hasNext()) {
            ImageReader r = readers.next();
            if (r.getClass().getName().startsWith("com.sun.imageio.plugins.jpeg.")) {
                return r;
            }
            fallback = fallback == null ? r : fallback;
        }
        if (fallback == null) {
            throw new DecodeException("no JPEG reader in this Java runtime");
        }
        return fallback;
    }

    /**
     * Whether a three-component stream holds R, G, B rather than YCbCr, decided as libjpeg does: a JFIF APP0 means
     * YCbCr; else an Adobe APP14 segment's transform (0: RGB); else component identifiers 'R', 'G', 'B'.
     */
    static boolean codedAsRgb(byte[] jpeg) {
        boolean jfif = false;
        int adobeTransform = -1;
        boolean rgbIds = false;
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xDA) {
                break;
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xE0 && i + 8 < jpeg.length && jpeg[i + 4] == 'J' && jpeg[i + 5] == 'F'
                    && jpeg[i + 6] == 'I' && jpeg[i + 7] == 'F') {
                jfif = true;
            } else if (marker == 0xEE && length >= 12 && i + 15 < jpeg.length && jpeg[i + 4] == 'A'
                    && jpeg[i + 5] == 'd' && jpeg[i + 6] == 'o' && jpeg[i + 7] == 'b' && jpeg[i + 8] == 'e') {
                adobeTransform = jpeg[i + 15] & 0xFF;
            } else if (marker >= 0xC0 && marker <= 0xC2 && i + 17 <= jpeg.length && (jpeg[i + 9] & 0xFF) == 3) {
                rgbIds = jpeg[i + 10] == 'R' && jpeg[i + 13] == 'G' && jpeg[i + 16] == 'B';
            }
            i += 2 + length;
        }
        if (jfif) {
            return false;
        }
        return adobeTransform >= 0 ? adobeTransform == 0 : rgbIds;
    }
}
