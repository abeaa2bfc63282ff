package org.importdesk.engine.send;

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
 * AE title, host and port). Each queue row ends {@code committed}, {@code failed} (with the failure reason) or stays
 * {@code requested} when no report came in time.
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

    /** @param unanswered instances for which neither success nor failure was reported within the wait */
    public record Outcome(String transactionUid, int requested, int committed, int failed, int unanswered) {
        public boolean allCommitted() {
            return requested > 0 && committed == requested;
        }
    }

    /** Asks for commitment of the rows the PACS acknowledged or already had, and waits up to {@code wait} for the answer. */
    public Outcome commit(DicomNode pacs, String jobId, Duration wait) throws SendException {
        List<QueueRow> rows = queue.rows(jobId).stream()
                .filter(r -> r.state() == ItemState.SENT || r.state() == ItemState.PRESENT).toList();
        if (rows.isEmpty()) {
            return new Outcome("", 0, 0, 0, 0);
        }
        String transactionUid = CoercionPlan.derivedUid("commit/" + jobId, Long.toString(System.nanoTime()));
        CompletableFuture<StorageCommitmentResult> answer = receiver.commitmentResult(transactionUid);
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
                throw new SendException(pacs + " refused the storage commitment request: " + s, null);
            }
            a.release();
        } catch (DicomNetworkException e) {
            throw new SendException("storage commitment request to " + pacs + " failed: " + e.getMessage(), e);
        }
        StorageCommitmentResult result;
        try {
            result = answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Outcome(transactionUid, rows.size(), 0, 0, rows.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException("interrupted while waiting for storage commitment", e);
        } catch (ExecutionException e) {
            throw new SendException("storage commitment report: " + e.getCause().getMessage(), e.getCause());
        }
        int committed = 0;
        int failed = 0;
        java.util.Set<String> asked = new java.util.HashSet<>();
        rows.forEach(r -> asked.add(r.targetUid()));
        for (String uid : result.committed()) {
            if (asked.contains(uid)) {
                queue.markCommitment(jobId, uid, "committed", "");
                committed++;
            }
        }
        for (Map.Entry<String, Integer> f : result.failed().entrySet()) {
            if (asked.contains(f.getKey())) {
                queue.markCommitment(jobId, f.getKey(), "failed", String.format("%04X", f.getValue()));
                failed++;
            }
        }
        return new Outcome(transactionUid, rows.size(), committed, failed, rows.size() - committed - failed);
    }
}
