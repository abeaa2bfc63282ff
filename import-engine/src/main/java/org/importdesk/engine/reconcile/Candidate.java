package org.importdesk.engine.reconcile;

import java.util.List;

/**
 * A local record the study might belong to: a scheduled import order from the worklist, or a patient in the PACS.
 *
 * @param otherPatientIds  other IDs the local record lists for this patient (matched against the external ID)
 * @param accessionNumber  the order's accession number (empty for PACS patients)
 * @param studyInstanceUid the order's Study Instance UID, when the worklist gives one
 */
public record Candidate(Source source, Demographics demographics, List<String> otherPatientIds, String accessionNumber,
                        String requestedProcedureId, String requestedProcedureDescription, String studyInstanceUid) {

    public enum Source { WORKLIST, PACS }

    public Candidate {
        otherPatientIds = List.copyOf(otherPatientIds);
        accessionNumber = accessionNumber == null ? "" : accessionNumber.trim();
        requestedProcedureId = requestedProcedureId == null ? "" : requestedProcedureId.trim();
        requestedProcedureDescription = requestedProcedureDescription == null ? "" : requestedProcedureDescription.trim();
        studyInstanceUid = studyInstanceUid == null ? "" : studyInstanceUid.trim();
    }
}
