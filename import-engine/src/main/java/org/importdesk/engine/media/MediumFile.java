package org.importdesk.engine.media;

import org.importdesk.engine.dicom.DicomHeader;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One file found on or referenced by a medium, with its outcome.
 *
 * @param path          where the file is (or, for MISSING and OUTSIDE_MEDIUM, what the reference named)
 * @param displayPath   the path relative to the medium's root, as shown to users and in the scan TSV
 * @param status        the outcome
 * @param header        the header when the file was read
 * @param message       why, for anything but OK; empty otherwise
 */
public record MediumFile(Path path, String displayPath, FileStatus status, Optional<DicomHeader> header,
                         String message) {
}
