package org.importdesk.engine.dicom;

/** An icon decoded from an Icon Image Sequence item: 8-bit grey, row by row. */
public record IconPixels(int rows, int columns, byte[] grey) {
}
