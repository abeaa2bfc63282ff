package org.importdesk.engine.imaging;

import java.awt.image.BufferedImage;

/**
 * MOMO's network input for one series: 3 channels of size x size greyscale values in [0,1], channel-major (CHW).
 * {@link Representation#THREE_IMAGES}: first, middle, last image; {@link Representation#MIPS}: maximum intensity
 * projections along z (axial), y (coronal) and x (sagittal) of the volume resampled to size along z.
 */
public final class NetworkInput {
    public enum Representation { THREE_IMAGES, MIPS }

    public static final int CHANNELS = 3;

    private final int size;
    private final Representation representation;
    private final int imageCount;
    private final float[] chw;

    public NetworkInput(int size, Representation representation, int imageCount, float[] chw) {
        if (size <= 0 || chw.length != CHANNELS * size * size) {
            throw new IllegalArgumentException("expected " + CHANNELS + "x" + size + "x" + size + " values, got "
                    + chw.length);
        }
        for (float v : chw) {
            if (!(v >= 0f && v <= 1f)) {
                throw new IllegalArgumentException("network input value outside [0,1]: " + v);
            }
        }
        this.size = size;
        this.representation = representation;
        this.imageCount = imageCount;
        this.chw = chw.clone();
    }

    public int size() {
        return size;
    }

    public Representation representation() {
        return representation;
    }

    /** How many images the series had. */
    public int imageCount() {
        return imageCount;
    }

    /** The shape as (channels, height, width). */
    public long[] shape() {
        return new long[]{CHANNELS, size, size};
    }

    /** A copy of the values, channel by channel, row by row. */
    public float[] toArray() {
        return chw.clone();
    }

    public float get(int channel, int y, int x) {
        return chw[(channel * size + y) * size + x];
    }

    /** One channel as an 8-bit grey image (the viewer's MIP preview). */
    public BufferedImage channelImage(int channel) {
        float[] plane = new float[size * size];
        System.arraycopy(chw, channel * size * size, plane, 0, plane.length);
        return FrameRenderer.renderUnit(plane, size, size);
    }
}
