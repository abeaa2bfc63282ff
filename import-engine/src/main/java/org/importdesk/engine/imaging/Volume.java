package org.importdesk.engine.imaging;

/**
 * A greyscale volume: {@code depth} slices of {@code width} x {@code height} values, slice by slice, row by row.
 * Slices are shared, not copied: treat them as read-only.
 */
public record Volume(int width, int height, int depth, float[][] slices) {
    public Volume {
        if (width <= 0 || height <= 0 || depth <= 0 || slices.length != depth) {
            throw new IllegalArgumentException("bad volume " + width + "x" + height + "x" + depth + " with "
                    + slices.length + " slices");
        }
        for (float[] s : slices) {
            if (s.length != width * height) {
                throw new IllegalArgumentException("slice of " + s.length + " values in a " + width + "x" + height
                        + " volume");
            }
        }
    }

    public float get(int x, int y, int z) {
        return slices[z][y * width + x];
    }
}
