package org.importdesk.engine.classify;

import org.importdesk.engine.media.StudyRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Turns a medium or folder into the studies on it (the media package's reader, or {@link DicomFolderStudies}). */
@FunctionalInterface
public interface StudySource {
    List<StudyRecord> studies(Path path) throws IOException;
}
