package org.importdesk.engine.media;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A medium's health summary.
 *
 * @param counts            one line per patient, study and series of the tree, with its instance count
 * @param filesByStatus     how many files ended in each status (all statuses present, zero included)
 * @param transferSyntaxes  usable instances per transfer syntax UID
 * @param notPreviewable    usable instances whose pixels cannot be shown, with why
 * @param unreadable        the files that are DICOM but could not be read, with the reason in their message
 * @param warnings          what a user must know before importing (several patients, duplicates, missing files, ...)
 */
public record MediumHealth(int patients, int studies, int series, int instances, List<TreeCount> counts,
                           Map<FileStatus, Integer> filesByStatus, SortedMap<String, Integer> transferSyntaxes,
                           List<NotPreviewable> notPreviewable, List<MediumFile> unreadable, List<String> warnings) {

    /** The instance count of one patient, study or series; {@code id} is the Patient ID or the instance UID. */
    public record TreeCount(Level level, String id, String description, int instances) {
        public enum Level { PATIENT, STUDY, SERIES }
    }

    public int count(FileStatus status) {
        return filesByStatus.getOrDefault(status, 0);
    }
}
