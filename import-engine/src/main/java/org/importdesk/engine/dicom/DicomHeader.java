package org.importdesk.engine.dicom;

import java.nio.file.Path;

/**
 * The header of one DICOM file, read up to (not including) the pixel data.
 *
 * @param file            where it was read from
 * @param attributes      the data set without pixel data
 * @param transferSyntaxUid from the meta header, or the one inferred for files without one
 * @param hasPreamble     whether the file starts with the 128-byte preamble and "DICM"
 * @param hasPixelData    whether the data set carries pixel data
 */
public record DicomHeader(Path file, DicomAttributes attributes, String transferSyntaxUid,
                          boolean hasPreamble, boolean hasPixelData) {

    public String sopInstanceUid() {
        return attributes.string(DicomTag.SOP_INSTANCE_UID);
    }

    public String sopClassUid() {
        return attributes.string(DicomTag.SOP_CLASS_UID);
    }

    public String studyInstanceUid() {
        return attributes.string(DicomTag.STUDY_INSTANCE_UID);
    }

    public String seriesInstanceUid() {
        return attributes.string(DicomTag.SERIES_INSTANCE_UID);
    }

    public String patientId() {
        return attributes.string(DicomTag.PATIENT_ID);
    }

    public String modality() {
        return attributes.string(DicomTag.MODALITY);
    }
}
