package org.importdesk.app.ui.service;

import org.importdesk.engine.media.PatientRecord;

import java.util.List;

/** Local patients that may be the disc's patient, best first; called off the FX thread. */
public interface ReconciliationService {

    /**
     * A local identity with its score.
     *
     * @param source  where it was found: worklist order, PACS, or the disc itself
     * @param reasons which fields matched or vetoed
     */
    record Candidate(String patientId, String issuer, String name, String birthDate, String sex, String accession,
                     double score, String source, List<String> reasons) {
    }

    List<Candidate> candidates(PatientRecord external) throws Exception;

    /** Whether the best candidate is certain enough to be chosen without asking. */
    double autoChooseThreshold();
}
