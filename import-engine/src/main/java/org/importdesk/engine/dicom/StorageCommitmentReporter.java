package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The SCP side of Storage Commitment Push: sends the N-EVENT-REPORT for a transaction on a new association to the
 * requester (the way a PACS answers), inside TLS when the requester's node is a TLS node.
 */
final class StorageCommitmentReporter {
    private StorageCommitmentReporter() {
    }

    /**
     * @param committed {SOP Class UID, SOP Instance UID} the archive holds
     * @param failed    {SOP Class UID, SOP Instance UID} to the Failure Reason
     * @param tls       the context for a TLS requester (our certificate and the certificates we trust); null: the
     *                  process-wide client context
     */
    static void report(DicomNode requester, String callingAet, String transactionUid, List<String[]> committed,
                       Map<String[], Integer> failed, javax.net.ssl.SSLContext tls) throws DicomNetworkException {
        List<PresentationContext> pcs = List.of(new PresentationContext(1, DimseAssociation.STORAGE_COMMITMENT_PUSH,
                List.of(TransferSyntaxes.EXPLICIT_LE, TransferSyntaxes.IMPLICIT_LE)));
        try (DimseAssociation a = DimseAssociation.open(requester, callingAet, pcs, 5000, 30000, tls)) {
            String ts = a.transferSyntaxFor(DimseAssociation.STORAGE_COMMITMENT_PUSH);
            DimseStatus s = a.reportStorageCommitment(failed.isEmpty() ? 1 : 2,
                    o -> write(transactionUid, committed, failed, o, ts == null ? TransferSyntaxes.IMPLICIT_LE : ts));
            if (!s.success()) {
                throw new DicomNetworkException(requester + " refused the storage commitment report: " + s, false);
            }
            a.release();
        }
    }

    private static void write(String transactionUid, List<String[]> committed, Map<String[], Integer> failed,
                              OutputStream out, String ts) throws IOException {
        try {
            AttributeList list = new AttributeList();
            Attribute t = AttributeFactory.newAttribute(DicomDataSets.tag(DicomDataSets.TRANSACTION_UID));
            t.addValue(transactionUid);
            list.put(t);
            if (!committed.isEmpty()) {
                SequenceAttribute ok = new SequenceAttribute(DicomDataSets.tag(DicomDataSets.REFERENCED_SOP_SEQUENCE));
                for (String[] r : committed) {
                    ok.addItem(item(r, null));
                }
                list.put(ok);
            }
            if (!failed.isEmpty()) {
                SequenceAttribute bad = new SequenceAttribute(DicomDataSets.tag(DicomDataSets.FAILED_SOP_SEQUENCE));
                for (Map.Entry<String[], Integer> f : failed.entrySet()) {
                    bad.addItem(item(f.getKey(), f.getValue()));
                }
                list.put(bad);
            }
            DicomDataSets.write(list, out, ts);
        } catch (DicomException e) {
            throw new IOException("cannot encode storage commitment report: " + e.getMessage(), e);
        }
    }

    private static AttributeList item(String[] ref, Integer reason) throws DicomException {
        AttributeList item = new AttributeList();
        Attribute c = AttributeFactory.newAttribute(DicomDataSets.tag(DicomDataSets.REFERENCED_SOP_CLASS_UID));
        c.addValue(ref[0]);
        item.put(c);
        Attribute i = AttributeFactory.newAttribute(DicomDataSets.tag(DicomDataSets.REFERENCED_SOP_INSTANCE_UID));
        i.addValue(ref[1]);
        item.put(i);
        if (reason != null) {
            Attribute r = AttributeFactory.newAttribute(DicomDataSets.tag(DicomDataSets.FAILURE_REASON));
            r.addValue(reason);
            item.put(r);
        }
        return item;
    }
}
