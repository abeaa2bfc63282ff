package org.importdesk.engine.dicom;

import java.nio.file.Path;

/** A file could not be read as DICOM; the message says why in words a user can act on. */
public class DicomReadException extends Exception {
    private final Path file;

    public DicomReadException(Path file, String reason, Throwable cause) {
        super(reason, cause);
        this.file = file;
    }

    public DicomReadException(Path file, String reason) {
        this(file, reason, null);
    }

    public Path file() {
        return file;
    }
}
