package org.importdesk.engine.media;

/**
 * A DICOMDIR icon (Icon Image Sequence): 8-bit grey or palette pixels, already expanded to 8-bit grey.
 */
public record IconImage(int rows, int columns, byte[] grey) {
}
