package org.importdesk.app.ui.service;

import org.importdesk.engine.media.StudyRecord;

import java.util.List;

/** Coerces and sends a confirmed study to the archive; called off the FX thread. */
public interface ImportService {

    /**
     * @param externalPatient the patient as the medium names them
     * @param patient         the local identity the study is filed under
     * @param proposedClass   what MOMO proposed (for the audit), empty when nothing
     */
    record Request(StudyRecord study, String classCode, String className, String proposedClass,
                   org.importdesk.engine.media.PatientRecord externalPatient, ReconciliationService.Candidate patient,
                   String user, String medium) {
    }

    /** Receives progress on the sending thread. */
    interface Progress {
        void update(int sent, int failed, int total, int retries, String message);
    }

    enum Outcome { COMPLETE, PARTIAL, FAILED }

    /**
     * @param commitment what storage commitment reported after a complete send (not requested when not configured,
     *                   or when sending to the embedded archive)
     */
    record Result(Outcome outcome, int sent, int alreadyPresent, int failed, int total, int retries,
                  List<String> problems, String destination,
                  org.importdesk.engine.audit.StorageCommitmentAudit commitment) {
        public Result {
            commitment = commitment == null ? org.importdesk.engine.audit.StorageCommitmentAudit.notRequested()
                    : commitment;
        }

        public Result(Outcome outcome, int sent, int alreadyPresent, int failed, int total, int retries,
                      List<String> problems, String destination) {
            this(outcome, sent, alreadyPresent, failed, total, retries, problems, destination, null);
        }

        /** Complete in the archive and, where asked for, committed by it. */
        public boolean finished() {
            return outcome == Outcome.COMPLETE && commitment.outcomeIndicator() == 0;
        }
    }

    Result send(Request request, Progress progress) throws Exception;

    /**
     * What earlier imports (this session's and those before a restart, from the durable send queue) did with these
     * studies, by their Study Instance UID on the medium; studies never sent are left out.
     */
    default java.util.Map<String, ImportMark> marks(java.util.Collection<String> studyUids) throws Exception {
        return java.util.Map.of();
    }

    /** Where studies go, for people: "ARCHIVE@127.0.0.1:11112 (embedded archive)". */
    String destination();
}
