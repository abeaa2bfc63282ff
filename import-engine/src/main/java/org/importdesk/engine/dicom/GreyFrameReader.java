package org.importdesk.engine.dicom;

import java.nio.file.Path;

/**
 * Reads the first frame of an uncompressed greyscale image for the viewer. Compressed transfer syntaxes and colour
 * need the imaging package's full decoder; this one says so in its exception.
 */
public interface GreyFrameReader {

    GreyFrame read(Path file) throws DicomReadException;

    static GreyFrameReader pixelMed() {
        return new PixelMedGreyFrameReader();
    }
}
