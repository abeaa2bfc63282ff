package org.importdesk.engine.dicom;

import java.nio.file.Path;

/** Reading DICOM files. The one entry point the rest of the engine uses; see {@link #pixelMed()}. */
public interface DicomFiles {

    /** Reads the header of one file up to the pixel data. Never reads pixel data into memory. */
    DicomHeader readHeader(Path file) throws DicomReadException;

    static DicomFiles pixelMed() {
        return new PixelMedDicomFiles();
    }
}
