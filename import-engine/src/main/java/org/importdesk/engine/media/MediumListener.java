package org.importdesk.engine.media;

/**
 * Receives a medium's contents while it is read, so a UI can show studies as they are found. All calls come on the
 * thread that called {@link MediumReader#read(java.nio.file.Path, MediumListener, CancellationToken)}, in the order
 * of the final file list. Implementations must be quick (hand over to the UI thread).
 */
public interface MediumListener {

    /** The medium has been listed: {@code filesTotal} files will be decided. */
    default void started(MediumSource source, int filesTotal) {
    }

    /** One file decided; {@code file} is exactly the row of the final result. */
    default void fileDecided(MediumFile file, MediumProgress progress) {
    }

    /**
     * A study seen for the first time. {@code study} is a snapshot holding the instances found so far (at least one);
     * the complete study is in the final {@link MediumScan}.
     */
    default void studyFound(PatientRecord patient, StudyRecord study, MediumProgress progress) {
    }

    static MediumListener none() {
        return new MediumListener() {
        };
    }
}
