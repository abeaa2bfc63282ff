package org.importdesk.engine.media;

/**
 * How far a read has come.
 *
 * @param filesDone      files decided so far (read, skipped as not DICOM, missing, ...)
 * @param filesTotal     all files to decide (known once the medium has been listed)
 * @param instancesFound usable instances so far (duplicates not counted)
 * @param studiesFound   distinct studies so far
 * @param problems       unreadable, missing and outside-medium files so far
 */
public record MediumProgress(int filesDone, int filesTotal, int instancesFound, int studiesFound, int problems) {
}
