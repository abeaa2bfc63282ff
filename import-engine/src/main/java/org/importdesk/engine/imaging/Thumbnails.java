package org.importdesk.engine.imaging;

import org.importdesk.engine.dicom.DecodedFrames;
import org.importdesk.engine.dicom.FrameChoice;
import org.importdesk.engine.dicom.PixelDecoder;
import org.importdesk.engine.media.IconImage;
import org.importdesk.engine.media.SeriesRecord;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.List;

/** Series thumbnails: the DICOMDIR icon when the medium has one, else the middle image rendered and scaled down. */
public final class Thumbnails {
    public static final int DEFAULT_SIZE = 128;

    private final PixelDecoder decoder;
    private final int maxSize;

    public Thumbnails(PixelDecoder decoder, int maxSize) {
        if (maxSize < 8) {
            throw new IllegalArgumentException("thumbnail size must be at least 8: " + maxSize);
        }
        this.decoder = decoder;
        this.maxSize = maxSize;
    }

    public Thumbnails() {
        this(PixelDecoder.standard(), DEFAULT_SIZE);
    }

    public ImageResult<BufferedImage> of(SeriesRecord series) {
        if (series.icon().isPresent()) {
            IconImage icon = series.icon().get();
            if (icon.rows() > 0 && icon.columns() > 0 && icon.grey().length >= icon.rows() * icon.columns()) {
                return ImageResult.of(fit(iconImage(icon), maxSize));
            }
        }
        SeriesImages images = SeriesImages.of(series);
        if (images.count() == 0) {
            return ImageResult.none("no preview: the series has no images");
        }
        return of(images.middle());
    }

    /** Thumbnail of loose files of one series (the middle image in their sorted order). */
    public ImageResult<BufferedImage> ofFiles(List<Path> files) {
        SeriesImages images = SeriesImages.ofFiles(files);
        if (images.count() == 0) {
            return ImageResult.none("no preview: no image among " + files.size() + " file(s)");
        }
        return of(images.middle());
    }

    public ImageResult<BufferedImage> of(ImageRef image) {
        DecodedFrames decoded = decoder.decode(image.file(), FrameChoice.of(image.frame()), maxSize);
        if (!decoded.decoded()) {
            return ImageResult.none(decoded.reason());
        }
        return ImageResult.of(fit(FrameRenderer.render(decoded.first()), maxSize));
    }

    static BufferedImage iconImage(IconImage icon) {
        BufferedImage image = new BufferedImage(icon.columns(), icon.rows(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(icon.grey(), 0, out, 0, out.length);
        return image;
    }

    /** Scales down (never up) to fit in maxSize x maxSize, keeping the aspect ratio; halves first for quality. */
    public static BufferedImage fit(BufferedImage image, int maxSize) {
        BufferedImage current = image;
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) maxSize / Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * scale));
        int targetH = Math.max(1, (int) Math.round(h * scale));
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = scaled(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        if (current.getWidth() != targetW || current.getHeight() != targetH) {
            current = scaled(current, targetW, targetH);
        }
        return current;
    }

    private static BufferedImage scaled(BufferedImage image, int w, int h) {
        int type = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(w, h, type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
