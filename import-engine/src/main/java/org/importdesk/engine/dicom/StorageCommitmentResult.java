package org.importdesk.engine.dicom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a storage commitment request (the N-EVENT-REPORT of the Storage Commitment Push Model).
 *
 * @param transactionUid the Transaction UID of our N-ACTION
 * @param committed      SOP Instance UIDs the PACS takes responsibility for (Referenced SOP Sequence)
 * @param failed         SOP Instance UID to Failure Reason (Failed SOP Sequence); 0 when the PACS gave none
 */
public record StorageCommitmentResult(String transactionUid, List<String> committed, Map<String, Integer> failed) {

    public StorageCommitmentResult {
        committed = List.copyOf(committed);
        failed = Map.copyOf(failed);
    }

    static StorageCommitmentResult of(DicomAttributes report) {
        List<String> ok = new ArrayList<>();
        for (DicomAttributes item : report.sequence(DicomDataSets.REFERENCED_SOP_SEQUENCE)) {
            ok.add(item.string(DicomDataSets.REFERENCED_SOP_INSTANCE_UID));
        }
        Map<String, Integer> failed = new LinkedHashMap<>();
        for (DicomAttributes item : report.sequence(DicomDataSets.FAILED_SOP_SEQUENCE)) {
            failed.put(item.string(DicomDataSets.REFERENCED_SOP_INSTANCE_UID),
                    item.integer(DicomDataSets.FAILURE_REASON).orElse(0));
        }
        return new StorageCommitmentResult(report.string(DicomDataSets.TRANSACTION_UID), ok, failed);
    }
}
