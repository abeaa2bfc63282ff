package org.importdesk.engine.media;

/**
 * What a DICOMDIR record says about a file it references: used for rows whose file could not be read (MISSING,
 * OUTSIDE_MEDIUM), and to spot files whose content differs from their record.
 *
 * @param recordType     e.g. IMAGE, SR DOCUMENT
 * @param referencedFileId the File ID as written in the DICOMDIR, components joined with '/'
 */
public record DirectoryReference(String recordType, String referencedFileId, String patientId, String studyInstanceUid,
                                 String seriesInstanceUid, String sopInstanceUid, String sopClassUid,
                                 String transferSyntaxUid) {
}
