package org.importdesk.engine.reconcile;

import org.importdesk.engine.dicom.DicomAttributes;
import org.importdesk.engine.dicom.DicomNetworkException;
import org.importdesk.engine.dicom.DicomNode;
import org.importdesk.engine.dicom.DicomQuery;
import org.importdesk.engine.dicom.DicomQueryClient;
import org.importdesk.engine.dicom.DicomTag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the local record for an external identity (IHE IRWF.b): asks the worklist for scheduled import orders and/or
 * the PACS at patient level, with the birth date and with the first letter of the family name (so that near misses
 * show up and can be vetoed visibly), then ranks with {@link CandidateScorer}.
 */
public final class Reconciler {
    static final int REQUESTED_PROCEDURE_ID = 0x00401001;
    static final int SCHEDULED_PROCEDURE_STEP_SEQUENCE = 0x00400100;
    static final int SCHEDULED_STATION_AE_TITLE = 0x00400001;
    static final int SPS_START_DATE = 0x00400002;
    static final int SPS_DESCRIPTION = 0x00400007;

    private final DicomQueryClient client;
    private final CandidateScorer scorer;

    public Reconciler(DicomQueryClient client, CandidateScorer scorer) {
        this.client = client;
        this.scorer = scorer;
    }

    public Reconciliation reconcile(Demographics external, Optional<DicomNode> worklist, Optional<DicomNode> pacs)
            throws DicomNetworkException {
        Map<String, Candidate> found = new LinkedHashMap<>();
        if (worklist.isPresent()) {
            for (Candidate c : worklistOrders(worklist.get(), external.name(), external.birthDate())) {
                found.putIfAbsent("W|" + c.demographics().patientId() + "|" + c.accessionNumber(), c);
            }
        }
        if (pacs.isPresent()) {
            for (Candidate c : pacsPatients(pacs.get(), external.name(), external.birthDate())) {
                found.putIfAbsent("P|" + c.demographics().patientId() + "|" + c.demographics().issuer(), c);
            }
        }
        return scorer.rank(external, new ArrayList<>(found.values()));
    }

    /** Worklist orders matching the birth date, plus those whose family name starts with the same letter. */
    public List<Candidate> worklistOrders(DicomNode node, String name, String birthDate) throws DicomNetworkException {
        List<DicomQuery> queries = new ArrayList<>();
        if (!birthDate.isBlank()) {
            queries.add(worklistQuery().key(DicomTag.PATIENT_BIRTH_DATE, birthDate));
        }
        for (String prefix : namePrefixes(name)) {
            queries.add(worklistQuery().key(DicomTag.PATIENT_NAME, prefix + "*"));
        }
        if (queries.isEmpty()) {
            queries.add(worklistQuery());
        }
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (DicomQuery q : queries) {
            for (DicomAttributes a : client.find(node, DicomQueryClient.MODALITY_WORKLIST_FIND, q)) {
                Candidate c = new Candidate(Candidate.Source.WORKLIST, demographics(a), otherIds(a),
                        a.string(DicomTag.ACCESSION_NUMBER), a.string(REQUESTED_PROCEDURE_ID),
                        a.string(DicomTag.REQUESTED_PROCEDURE_DESCRIPTION), a.string(DicomTag.STUDY_INSTANCE_UID));
                out.putIfAbsent(c.demographics().patientId() + "|" + c.accessionNumber(), c);
            }
        }
        return List.copyOf(out.values());
    }

    /** All orders (for listing), optionally filtered by the server on name (wildcards allowed) and birth date. */
    public List<Candidate> listWorklist(DicomNode node, String name, String birthDate) throws DicomNetworkException {
        DicomQuery q = worklistQuery();
        if (name != null && !name.isBlank()) {
            q.key(DicomTag.PATIENT_NAME, name);
        }
        if (birthDate != null && !birthDate.isBlank()) {
            q.key(DicomTag.PATIENT_BIRTH_DATE, birthDate);
        }
        List<Candidate> out = new ArrayList<>();
        for (DicomAttributes a : client.find(node, DicomQueryClient.MODALITY_WORKLIST_FIND, q)) {
            out.add(new Candidate(Candidate.Source.WORKLIST, demographics(a), otherIds(a),
                    a.string(DicomTag.ACCESSION_NUMBER), a.string(REQUESTED_PROCEDURE_ID),
                    a.string(DicomTag.REQUESTED_PROCEDURE_DESCRIPTION), a.string(DicomTag.STUDY_INSTANCE_UID)));
        }
        return out;
    }

    public List<Candidate> pacsPatients(DicomNode node, String name, String birthDate) throws DicomNetworkException {
        List<DicomQuery> queries = new ArrayList<>();
        if (!birthDate.isBlank()) {
            queries.add(patientQuery().key(DicomTag.PATIENT_BIRTH_DATE, birthDate));
        }
        for (String prefix : namePrefixes(name)) {
            queries.add(patientQuery().key(DicomTag.PATIENT_NAME, prefix + "*"));
        }
        Map<String, Candidate> out = new LinkedHashMap<>();
        for (DicomQuery q : queries) {
            for (DicomAttributes a : client.find(node, DicomQueryClient.PATIENT_ROOT_FIND, q)) {
                Candidate c = new Candidate(Candidate.Source.PACS, demographics(a), otherIds(a), "", "", "", "");
                out.putIfAbsent(c.demographics().patientId() + "|" + c.demographics().issuer(), c);
            }
        }
        return List.copyOf(out.values());
    }

    private static DicomQuery worklistQuery() {
        return DicomQuery.item()
                .returnKey(DicomTag.PATIENT_NAME, DicomTag.PATIENT_ID, DicomTag.ISSUER_OF_PATIENT_ID,
                        DicomTag.PATIENT_BIRTH_DATE, DicomTag.PATIENT_SEX, DicomTag.ACCESSION_NUMBER,
                        DicomTag.STUDY_INSTANCE_UID, REQUESTED_PROCEDURE_ID, DicomTag.REQUESTED_PROCEDURE_DESCRIPTION)
                .sequence(SCHEDULED_PROCEDURE_STEP_SEQUENCE, DicomQuery.item()
                        .returnKey(DicomTag.MODALITY, SCHEDULED_STATION_AE_TITLE, SPS_START_DATE, SPS_DESCRIPTION));
    }

    private static DicomQuery patientQuery() {
        return DicomQuery.level("PATIENT").returnKey(DicomTag.PATIENT_NAME, DicomTag.PATIENT_ID,
                DicomTag.ISSUER_OF_PATIENT_ID, DicomTag.PATIENT_BIRTH_DATE, DicomTag.PATIENT_SEX);
    }

    private static Demographics demographics(DicomAttributes a) {
        return new Demographics(a.string(DicomTag.PATIENT_ID), a.string(DicomTag.ISSUER_OF_PATIENT_ID),
                a.string(DicomTag.PATIENT_NAME), a.string(DicomTag.PATIENT_BIRTH_DATE), a.string(DicomTag.PATIENT_SEX));
    }

    private static List<String> otherIds(DicomAttributes a) {
        List<String> ids = new ArrayList<>();
        for (DicomAttributes item : a.sequence(DicomTag.OTHER_PATIENT_IDS_SEQUENCE)) {
            ids.add(item.string(DicomTag.PATIENT_ID));
        }
        return ids;
    }

    /**
     * The first letters of the name's first three words, for broad server-side matches that do not depend on which
     * word is the family name on the medium.
     */
    static List<String> namePrefixes(String name) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String t : PersonNames.tokens(name, true)) {
            if (out.size() < 3) {
                out.add(t.substring(0, 1));
            }
        }
        return List.copyOf(out);
    }
}
