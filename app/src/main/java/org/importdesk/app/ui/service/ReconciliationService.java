package org.importdesk.app.ui.service;

import org.importdesk.engine.media.PatientRecord;

import java.util.List;

/** Local patients that may be the disc's patient, best first; called off the FX thread. */
public interface ReconciliationService {

    /**
     * A local identity with its score.
     *
     * @param source    where it was found: worklist order, PACS, or the disc itself
     * @param reasons   which fields matched or vetoed
     * @param vetoed    birth date or sex differ: never chosen, whatever the name's score
     * @param automatic the reconciliation chose it without asking (above the threshold and clearly ahead)
     */
    record Candidate(String patientId, String issuer, String name, String birthDate, String sex, String accession,
                     double score, String source, List<String> reasons, boolean vetoed, boolean automatic) {
    }

    List<Candidate> candidates(PatientRecord external) throws Exception;

    /** The score above which a candidate clearly ahead of the others is chosen without asking (for the notice). */
    double autoChooseThreshold();
}
