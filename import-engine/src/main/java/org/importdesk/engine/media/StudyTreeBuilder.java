package org.importdesk.engine.media;

import org.importdesk.engine.dicom.DicomAttributes;
import org.importdesk.engine.dicom.DicomHeader;
import org.importdesk.engine.dicom.DicomIcons;
import org.importdesk.engine.dicom.DicomTag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups usable instances into patients, studies and series as they arrive. A study belongs to the patient of its
 * first instance; later instances of the same study with another Patient ID stay in it and are reported.
 */
final class StudyTreeBuilder {
    private static final int REQUEST_ATTRIBUTES_SEQUENCE = 0x00400275;

    private final Map<String, PatientNode> patients = new LinkedHashMap<>();
    private final Map<String, StudyNode> studies = new LinkedHashMap<>();
    private final Map<String, IconImage> directoryIcons;
    private final Set<String> mixedPatientStudies = new LinkedHashSet<>();

    StudyTreeBuilder(Map<String, IconImage> directoryIconsBySeriesUid) {
        this.directoryIcons = directoryIconsBySeriesUid;
    }

    private static final class PatientNode {
        final DicomAttributes first;
        final List<StudyNode> studies = new ArrayList<>();

        PatientNode(DicomAttributes first) {
            this.first = first;
        }
    }

    private static final class StudyNode {
        final String uid;
        final PatientNode patient;
        final String patientKey;
        final Map<String, SeriesNode> series = new LinkedHashMap<>();
        final Set<ProcedureCode> codes = new LinkedHashSet<>();
        String description = "", date = "", time = "", accession = "", studyId = "", requested = "", performed = "";

        StudyNode(String uid, PatientNode patient, String patientKey) {
            this.uid = uid;
            this.patient = patient;
            this.patientKey = patientKey;
        }
    }

    private static final class SeriesNode {
        final String uid;
        final DicomAttributes first;
        final List<InstanceRecord> instances = new ArrayList<>();
        final Map<InstanceRecord, String> order = new java.util.IdentityHashMap<>();
        IconImage fileIcon;

        SeriesNode(String uid, DicomAttributes first) {
            this.uid = uid;
            this.first = first;
        }
    }

    /** Adds an instance; returns true when it opened a new study. */
    boolean add(DicomHeader header, String displayPath) {
        DicomAttributes a = header.attributes();
        String patientKey = patientKey(a);
        String studyUid = header.studyInstanceUid();
        String studyKey = studyKey(studyUid, patientKey);
        StudyNode study = studies.get(studyKey);
        boolean newStudy = study == null;
        if (newStudy) {
            PatientNode patient = patients.computeIfAbsent(patientKey, k -> new PatientNode(a));
            study = new StudyNode(studyUid, patient, patientKey);
            patient.studies.add(study);
            studies.put(studyKey, study);
        } else if (!study.patientKey.equals(patientKey)) {
            mixedPatientStudies.add(studyUid);
        }
        fillStudy(study, a);
        SeriesNode series = study.series.computeIfAbsent(header.seriesInstanceUid(), uid -> new SeriesNode(uid, a));
        InstanceRecord instance = new InstanceRecord(header.sopInstanceUid(), header.sopClassUid(),
                header.transferSyntaxUid(), a.integer(DicomTag.INSTANCE_NUMBER).orElse(0), header.file(), header);
        series.instances.add(instance);
        series.order.put(instance, displayPath);
        if (series.fileIcon == null) {
            series.fileIcon = DicomIcons.iconOf(a).map(p -> new IconImage(p.rows(), p.columns(), p.grey())).orElse(null);
        }
        return newStudy;
    }

    /** Instances without a Study Instance UID are kept together per patient, never across patients. */
    private static String studyKey(String studyUid, String patientKey) {
        return studyUid.isEmpty() ? "no-uid:" + patientKey : studyUid;
    }

    private static void fillStudy(StudyNode s, DicomAttributes a) {
        s.description = first(s.description, a.string(DicomTag.STUDY_DESCRIPTION));
        s.date = first(s.date, a.string(DicomTag.STUDY_DATE));
        s.time = first(s.time, a.string(DicomTag.STUDY_TIME));
        s.accession = first(s.accession, a.string(DicomTag.ACCESSION_NUMBER));
        s.studyId = first(s.studyId, a.string(DicomTag.STUDY_ID));
        s.performed = first(s.performed, a.string(DicomTag.PERFORMED_PROCEDURE_STEP_DESCRIPTION));
        s.requested = first(s.requested, a.string(DicomTag.REQUESTED_PROCEDURE_DESCRIPTION));
        for (DicomAttributes request : a.sequence(REQUEST_ATTRIBUTES_SEQUENCE)) {
            s.requested = first(s.requested, request.string(DicomTag.REQUESTED_PROCEDURE_DESCRIPTION));
        }
        addCodes(s.codes, a.sequence(DicomTag.PROCEDURE_CODE_SEQUENCE));
        addCodes(s.codes, a.sequence(DicomTag.REQUESTED_PROCEDURE_CODE_SEQUENCE));
        for (DicomAttributes request : a.sequence(REQUEST_ATTRIBUTES_SEQUENCE)) {
            addCodes(s.codes, request.sequence(DicomTag.REQUESTED_PROCEDURE_CODE_SEQUENCE));
        }
    }

    private static void addCodes(Set<ProcedureCode> codes, List<DicomAttributes> items) {
        for (DicomAttributes item : items) {
            ProcedureCode c = new ProcedureCode(item.string(DicomTag.CODE_VALUE),
                    item.string(DicomTag.CODING_SCHEME_DESIGNATOR), item.string(DicomTag.CODE_MEANING));
            if (!c.codeValue().isEmpty() || !c.codeMeaning().isEmpty()) {
                codes.add(c);
            }
        }
    }

    private static String first(String current, String candidate) {
        return current.isEmpty() ? candidate : current;
    }

    /** Patients are told apart by Issuer + Patient ID; without an ID, by name and birth date. */
    static String patientKey(DicomAttributes a) {
        String id = a.string(DicomTag.PATIENT_ID);
        String issuer = a.string(DicomTag.ISSUER_OF_PATIENT_ID);
        return id.isEmpty()
                ? "name:" + cleanName(a.string(DicomTag.PATIENT_NAME)) + "|" + a.string(DicomTag.PATIENT_BIRTH_DATE)
                : "id:" + issuer + "|" + id;
    }

    /** Drops empty trailing component groups ({@code Wang^XiaoDong=王^小東=}) that some writers leave. */
    static String cleanName(String name) {
        return name.replaceAll("[=^\\s]+$", "");
    }

    int studyCount() {
        return studies.size();
    }

    Set<String> mixedPatientStudies() {
        return mixedPatientStudies;
    }

    /** The patient and a snapshot of the study with this UID (as far as read). */
    Map.Entry<PatientRecord, StudyRecord> snapshot(DicomHeader header) {
        StudyNode s = studies.get(studyKey(header.studyInstanceUid(), patientKey(header.attributes())));
        StudyRecord study = toRecord(s);
        return Map.entry(toRecord(s.patient, List.of(study)), study);
    }

    List<PatientRecord> build() {
        List<PatientRecord> out = new ArrayList<>();
        for (PatientNode p : patients.values()) {
            out.add(toRecord(p, p.studies.stream().map(this::toRecord).toList()));
        }
        return List.copyOf(out);
    }

    private static PatientRecord toRecord(PatientNode p, List<StudyRecord> studies) {
        DicomAttributes a = p.first;
        return new PatientRecord(a.string(DicomTag.PATIENT_ID), a.string(DicomTag.ISSUER_OF_PATIENT_ID),
                cleanName(a.string(DicomTag.PATIENT_NAME)), a.string(DicomTag.PATIENT_BIRTH_DATE),
                a.string(DicomTag.PATIENT_SEX), List.copyOf(studies));
    }

    private StudyRecord toRecord(StudyNode s) {
        List<SeriesRecord> series = new ArrayList<>();
        for (SeriesNode n : s.series.values()) {
            DicomAttributes a = n.first;
            List<InstanceRecord> instances = new ArrayList<>(n.instances);
            instances.sort(Comparator.comparingInt(InstanceRecord::instanceNumber)
                    .thenComparing(n.order::get));
            IconImage icon = directoryIcons.get(n.uid);
            series.add(new SeriesRecord(n.uid, a.string(DicomTag.MODALITY), a.integer(DicomTag.SERIES_NUMBER).orElse(0),
                    a.string(DicomTag.SERIES_DESCRIPTION), a.string(DicomTag.BODY_PART_EXAMINED),
                    a.string(DicomTag.PROTOCOL_NAME), List.copyOf(instances),
                    Optional.ofNullable(icon != null ? icon : n.fileIcon)));
        }
        return new StudyRecord(s.uid, s.description, s.date, s.time, s.accession, s.studyId, List.copyOf(s.codes),
                s.requested, s.performed, List.copyOf(series));
    }
}
