package org.importdesk.engine.audit;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One import as the audit trail keeps it (DICOM "Data Import", DCM 110107). Holds patient data: written to the
 * audit store only, never to logs at INFO.
 *
 * @param user              who imported (operating system user or workstation login)
 * @param workstation       host name of the importing workstation
 * @param medium            what the study came from (volume label or path)
 * @param externalPatientId the identity on the medium, with its issuer
 * @param localPatientId    the identity it was filed under, with its issuer
 * @param proposedClass     the class MOMO proposed (code), may be empty
 * @param confirmedClass    the class the radiographer confirmed (code)
 * @param sopClassCounts    SOP Class UID to number of instances in the study
 * @param sent              instances the PACS acknowledged in this import
 * @param present           instances the PACS already had (not sent again)
 * @param failed            instances refused or not read
 * @param missing           instances not confirmed in the PACS at the end
 */
public record ImportAuditRecord(OffsetDateTime when, String user, String workstation, String medium,
                                String externalPatientId, String externalIssuer, String externalPatientName,
                                String localPatientId, String localIssuer, String localPatientName,
                                String studyInstanceUid, String accessionNumber, String destination,
                                String proposedClass, String confirmedClass, Map<String, Integer> sopClassCounts,
                                int sent, int present, int failed, int missing) {

    /** 0 success, 4 minor failure (some instances missing), 8 serious failure (nothing arrived). */
    public int outcomeIndicator() {
        if (missing == 0 && failed == 0) {
            return 0;
        }
        return sent + present > 0 ? 4 : 8;
    }
}
