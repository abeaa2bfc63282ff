package org.importdesk.engine.media;

import java.util.List;

/**
 * One patient on a medium: the external (foreign) identity as the disc carries it. Names are decoded from the
 * files' Specific Character Set; never log them at INFO.
 */
public record PatientRecord(String patientId, String issuerOfPatientId, String patientName, String birthDate,
                            String sex, List<StudyRecord> studies) {
}
