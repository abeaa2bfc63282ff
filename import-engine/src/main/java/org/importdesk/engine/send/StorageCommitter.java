package org.importdesk.engine.send;

import org.importdesk.engine.audit.StorageCommitmentAudit;
import org.importdesk.engine.dicom.DicomNetworkException;
import org.importdesk.engine.dicom.DicomNode;
import org.importdesk.engine.dicom.DimseAssociation;
import org.importdesk.engine.dicom.DimseStatus;
import org.importdesk.engine.dicom.LocalArchiveScp;
import org.importdesk.engine.dicom.PresentationContext;
import org.importdesk.engine.dicom.StorageCommitmentResult;
import org.importdesk.engine.dicom.TransferSyntaxes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Storage commitment after a send (Push Model): one N-ACTION listing every instance the PACS holds for the job, then
 * the PACS's N-EVENT-REPORT, received by our listener on an association the PACS opens to us (the PACS must know our
 * AE title, host and port). Each queue row ends {@code committed}, {@code failed} (with the failure reason) or
 * {@code unanswered} when no report came in time.
 */
public final class StorageCommitter {
    private final SendQueue queue;
    private final String callingAet;
    private final LocalArchiveScp receiver;

    /** @param receiver where the PACS sends its report; its AE title and port must be the ones the PACS has for us */
    public StorageCommitter(SendQueue queue, String callingAet, LocalArchiveScp receiver) {
        this.queue = queue;
        this.callingAet = callingAet;
        this.receiver = receiver;
    }

    /**
     * @param unanswered instances for which neither success nor failure was reported within the wait
     * @param failures   SOP Instance UID (as sent) to the Failure Reason the PACS gave (0 when it gave none), in
     *                   queue order; {@code failures.size() == failed}
     */
    public record Outcome(String transactionUid, int requested, int committed, int failed, int unanswered,
                          Map<String, Integer> failures, String note) {
        public Outcome {
            failures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failures));
            note = note == null ? "" : note;
        }

        public Outcome(String transactionUid, int requested, int committed, int failed, int unanswered,
                       Map<String, Integer> failures) {
            this(transactionUid, requested, committed, failed, unanswered, failures, "");
        }

        public boolean allCommitted() {
            return requested > 0 && committed == requested;
        }

        /** The outcome as the audit record keeps it. */
        public StorageCommitmentAudit audit() {
            return StorageCommitmentAudit.of(transactionUid, requested, committed, failures, unanswered).withNote(note);
        }
    }

    /** Asks for commitment of the rows the PACS acknowledged or already had, and waits up to {@code wait} for the answer. */
    public Outcome commit(DicomNode pacs, String jobId, Duration wait) throws SendException {
        List<QueueRow> rows = queue.rows(jobId).stream()
                .filter(r -> r.state() == ItemState.SENT || r.state() == ItemState.PRESENT).toList();
        if (rows.isEmpty()) {
            return new Outcome("", 0, 0, 0, 0, Map.of());
        }
        String transactionUid = CoercionPlan.derivedUid("commit/" + jobId, Long.toString(System.nanoTime()));
        CompletableFuture<StorageCommitmentResult> answer = receiver.commitmentResult(transactionUid);
        int refusedBefore = receiver.refusedHandshakes().size();
        List<String[]> refs = new ArrayList<>();
        for (QueueRow r : rows) {
            refs.add(new String[]{r.sopClassUid(), r.targetUid()});
            queue.markCommitment(jobId, r.targetUid(), "requested", "");
        }
        List<PresentationContext> pcs = List.of(new PresentationContext(1, DimseAssociation.STORAGE_COMMITMENT_PUSH,
                List.of(TransferSyntaxes.EXPLICIT_LE, TransferSyntaxes.IMPLICIT_LE)));
        try (DimseAssociation a = DimseAssociation.open(pacs, callingAet, pcs, 5000, 30000)) {
            DimseStatus s = a.requestStorageCommitment(transactionUid, refs);
            if (!s.success()) {
                throw requestFailed(jobId, rows, pacs + " refused the storage commitment request: " + s, null);
            }
            a.release();
        } catch (DicomNetworkException e) {
            throw requestFailed(jobId, rows, "storage commitment request to " + pacs + " failed: " + e.getMessage(), e);
        }
        StorageCommitmentResult result;
        try {
            result = answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // a PACS that reached our listener but failed its TLS handshake: say so, it is what must be fixed
            List<String> refused = receiver.refusedHandshakes();
            String note = refused.size() > refusedBefore
                    ? "the PACS's report association was refused by TLS: " + refused.get(refused.size() - 1) : "";
            String detail = note.isEmpty() ? "no report within " + wait.toSeconds() + " s" : note;
            for (QueueRow r : rows) {
                queue.markCommitment(jobId, r.targetUid(), "unanswered", detail);
            }
            return recorded(jobId, new Outcome(transactionUid, rows.size(), 0, 0, rows.size(), Map.of(), note));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException("interrupted while waiting for storage commitment", e);
        } catch (ExecutionException e) {
            throw new SendException("storage commitment report: " + e.getCause().getMessage(), e.getCause());
        }
        java.util.Set<String> committed = new java.util.HashSet<>(result.committed());
        Map<String, Integer> failures = new java.util.LinkedHashMap<>();
        int committedCount = 0;
        for (QueueRow r : rows) {
            String uid = r.targetUid();
            if (result.failed().containsKey(uid)) {
                int reason = result.failed().get(uid);
                queue.markCommitment(jobId, uid, "failed", String.format("%04X", reason));
                failures.put(uid, reason);
            } else if (committed.contains(uid)) {
                queue.markCommitment(jobId, uid, "committed", "");
                committedCount++;
            } else {
                // a report that leaves an instance out answers nothing for it
                queue.markCommitment(jobId, uid, "unanswered", "not in the report");
            }
        }
        return recorded(jobId, new Outcome(transactionUid, rows.size(), committedCount, failures.size(),
                rows.size() - committedCount - failures.size(), failures));
    }

    private Outcome recorded(String jobId, Outcome o) throws SendException {
        StorageCommitmentAudit a = o.audit();
        queue.markJobCommitment(jobId, a.state().code(), a.summary());
        return o;
    }

    private SendException requestFailed(String jobId, List<QueueRow> rows, String why, Throwable cause)
            throws SendException {
        for (QueueRow r : rows) {
            queue.markCommitment(jobId, r.targetUid(), "", "");
        }
        StorageCommitmentAudit a = StorageCommitmentAudit.requestFailed(why);
        queue.markJobCommitment(jobId, a.state().code(), a.summary());
        return new SendException(why, cause);
    }
}
