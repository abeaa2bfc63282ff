package org.importdesk.engine.media;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What was read and how.
 *
 * @param given           the path the user gave
 * @param kind            how it was opened
 * @param root            the medium's root (inside the ZIP file system for a ZIP); display paths are relative to it
 * @param dicomdir        the DICOMDIR used, when one was
 * @param dicomdirProblem why a DICOMDIR that is on the medium was not used (unreadable); empty otherwise
 */
public record MediumSource(Path given, Kind kind, Path root, Optional<Path> dicomdir, String dicomdirProblem) {

    public enum Kind {
        /** a mounted disc or any folder */
        FOLDER,
        /** the path of a DICOMDIR file; its folder is the root */
        DICOMDIR,
        /** a ZIP archive, read through the JDK's zip file system */
        ZIP,
        /** one single file */
        FILE
    }

    public boolean readThroughDicomdir() {
        return dicomdir.isPresent() && dicomdirProblem.isEmpty();
    }
}
