package org.importdesk.engine.media;

import org.importdesk.engine.dicom.DicomHeader;

import java.nio.file.Path;

/** One readable DICOM instance on a medium. */
public record InstanceRecord(String sopInstanceUid, String sopClassUid, String transferSyntaxUid, int instanceNumber,
                             Path file, DicomHeader header) {
}
