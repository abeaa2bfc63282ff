package org.importdesk.engine.dicom;

/**
 * One greyscale frame in modality values (rescale applied, e.g. Hounsfield units for CT), with the file's first
 * VOI window (or the value range when it has none).
 */
public record GreyFrame(int rows, int columns, float[] values, double windowCentre, double windowWidth,
                        boolean monochrome1) {
    public GreyFrame {
        if (values.length != rows * columns) {
            throw new IllegalArgumentException("expected " + rows * columns + " values, got " + values.length);
        }
    }
}
