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
 * @param commitment        what storage commitment reported (or that it was not asked for)
 */
public record ImportAuditRecord(OffsetDateTime when, String user, String workstation, String medium,
                                String externalPatientId, String externalIssuer, String externalPatientName,
                                String localPatientId, String localIssuer, String localPatientName,
                                String studyInstanceUid, String accessionNumber, String destination,
                                String proposedClass, String confirmedClass, Map<String, Integer> sopClassCounts,
                                int sent, int present, int failed, int missing,
                                StorageCommitmentAudit commitment) {

    public ImportAuditRecord {
        commitment = commitment == null ? StorageCommitmentAudit.notRequested() : commitment;
    }

    /** Without storage commitment. */
    public ImportAuditRecord(OffsetDateTime when, String user, String workstation, String medium,
                             String externalPatientId, String externalIssuer, String externalPatientName,
                             String localPatientId, String localIssuer, String localPatientName,
                             String studyInstanceUid, String accessionNumber, String destination,
                             String proposedClass, String confirmedClass, Map<String, Integer> sopClassCounts,
                             int sent, int present, int failed, int missing) {
        this(when, user, workstation, medium, externalPatientId, externalIssuer, externalPatientName, localPatientId,
                localIssuer, localPatientName, studyInstanceUid, accessionNumber, destination, proposedClass,
                confirmedClass, sopClassCounts, sent, present, failed, missing, StorageCommitmentAudit.notRequested());
    }

    public ImportAuditRecord withCommitment(StorageCommitmentAudit c) {
        return new ImportAuditRecord(when, user, workstation, medium, externalPatientId, externalIssuer,
                externalPatientName, localPatientId, localIssuer, localPatientName, studyInstanceUid, accessionNumber,
                destination, proposedClass, confirmedClass, sopClassCounts, sent, present, failed, missing, c);
    }

    /**
     * 0 success, 4 minor failure (some instances missing, or not all committed), 8 serious failure (nothing arrived,
     * or the PACS refused to commit every instance): the worse of the transfer and the commitment.
     */
    public int outcomeIndicator() {
        int transfer = missing == 0 && failed == 0 ? 0 : sent + present > 0 ? 4 : 8;
        return Math.max(transfer, commitment.outcomeIndicator());
    }
}
