package org.importdesk.engine.reconcile;

import org.importdesk.engine.dicom.DicomAttributes;
import org.importdesk.engine.dicom.DicomNetworkException;
import org.importdesk.engine.dicom.DicomNode;
import org.importdesk.engine.dicom.DicomQuery;
import org.importdesk.engine.dicom.DicomQueryClient;
import org.importdesk.engine.dicom.DicomTag;

import java.util.ArrayList;
import java.util.List;

/** Flags an external accession number that the PACS already uses for another study. */
public final class AccessionCheck {
    private final DicomQueryClient client;

    public AccessionCheck(DicomQueryClient client) {
        this.client = client;
    }

    /** Study UIDs other than {@code studyUid} that carry {@code accession} in the PACS; empty when none. */
    public List<String> collisions(DicomNode pacs, String accession, String studyUid) throws DicomNetworkException {
        List<String> out = new ArrayList<>();
        if (accession == null || accession.isBlank()) {
            return out;
        }
        for (DicomAttributes a : client.find(pacs, DicomQueryClient.STUDY_ROOT_FIND, DicomQuery.level("STUDY")
                .key(DicomTag.ACCESSION_NUMBER, accession).returnKey(DicomTag.STUDY_INSTANCE_UID))) {
            String uid = a.string(DicomTag.STUDY_INSTANCE_UID);
            // C-FIND has no escape for * and ?: an accession number containing them matches others; compare exactly
            if (!uid.equals(studyUid) && a.string(DicomTag.ACCESSION_NUMBER).equals(accession.trim())) {
                out.add(uid);
            }
        }
        return out;
    }
}
