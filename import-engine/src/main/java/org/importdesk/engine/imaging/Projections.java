package org.importdesk.engine.imaging;

/**
 * Maximum intensity projections of a volume along its three axes, values row by row.
 *
 * @param axial    along z: width x height (rows = y)
 * @param coronal  along y: width x depth (rows = slices in volume order)
 * @param sagittal along x: height x depth (rows = slices, columns = y)
 */
public record Projections(int width, int height, int depth, float[] axial, float[] coronal, float[] sagittal) {
}
