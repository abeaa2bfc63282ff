package org.importdesk.app.ui.service;

import org.importdesk.engine.dicom.DicomAttributes;
import org.importdesk.engine.dicom.DicomFiles;
import org.importdesk.engine.dicom.DicomHeader;
import org.importdesk.engine.dicom.DicomReadException;
import org.importdesk.engine.dicom.DicomTag;
import org.importdesk.engine.media.IconImage;
import org.importdesk.engine.media.InstanceRecord;
import org.importdesk.engine.media.PatientRecord;
import org.importdesk.engine.media.ProcedureCode;
import org.importdesk.engine.media.SeriesRecord;
import org.importdesk.engine.media.StudyRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A plain medium reader for the screens until the engine's MediumReader is merged: walks the folder, reads each
 * header, groups patient > study > series and takes series icons from the DICOMDIR.
 */
public final class HeaderScanMediumService implements MediumService {

    private final DicomFiles files = DicomFiles.pixelMed();

    @Override
    public MediumContent read(Path source, Events events, BooleanSupplier cancelled) throws Exception {
        Path root = Files.isDirectory(source) ? source : source.getParent();
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.filter(Files::isRegularFile).sorted().toList();
        }
        Map<String, IconImage> icons = new HashMap<>();
        Map<String, Map<String, Map<String, List<InstanceRecord>>>> tree = new LinkedHashMap<>();
        Map<String, DicomHeader> firstOfPatient = new LinkedHashMap<>();
        Map<String, DicomHeader> firstOfStudy = new LinkedHashMap<>();
        Map<String, DicomHeader> firstOfSeries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int instances = 0, unreadable = 0, notDicom = 0, done = 0;
        for (Path p : all) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            events.progress(done++, all.size());
            String name = p.getFileName().toString();
            if (name.equalsIgnoreCase("DICOMDIR")) {
                readIcons(p, icons);
                continue;
            }
            if (!looksDicom(p)) {
                notDicom++;
                continue;
            }
            DicomHeader h;
            try {
                h = files.readHeader(p);
            } catch (DicomReadException e) {
                unreadable++;
                problems.add(root.relativize(p) + ": " + e.getMessage());
                continue;
            }
            if (h.sopInstanceUid().isEmpty() || h.studyInstanceUid().isEmpty()) {
                unreadable++;
                problems.add(root.relativize(p) + ": cut-off or damaged file (no SOP Instance UID)");
                continue;
            }
            instances++;
            String pid = h.patientId() + "|" + h.attributes().string(DicomTag.PATIENT_NAME);
            firstOfPatient.putIfAbsent(pid, h);
            boolean newStudy = firstOfStudy.putIfAbsent(h.studyInstanceUid(), h) == null;
            firstOfSeries.putIfAbsent(h.seriesInstanceUid(), h);
            tree.computeIfAbsent(pid, k -> new LinkedHashMap<>()).computeIfAbsent(h.studyInstanceUid(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(h.seriesInstanceUid(), k -> new ArrayList<>())
                    .add(new InstanceRecord(h.sopInstanceUid(), h.sopClassUid(), h.transferSyntaxUid(),
                            h.attributes().integer(DicomTag.INSTANCE_NUMBER).orElse(0), p, h));
            if (newStudy) {
                events.studyFound(patient(h, List.of()), study(h, List.of(), icons, Map.of()));
            }
        }
        List<PatientRecord> patients = new ArrayList<>();
        tree.forEach((pid, studies) -> {
            List<StudyRecord> srs = new ArrayList<>();
            studies.forEach((suid, series) -> srs.add(study(firstOfStudy.get(suid), List.copyOf(series.keySet()), icons,
                    series)));
            patients.add(patient(firstOfPatient.get(pid), srs));
        });
        List<String> warnings = new ArrayList<>();
        if (patients.size() > 1) {
            warnings.add(patients.size() + " patients on this medium: import each study under its own patient");
        }
        if (unreadable > 0) {
            warnings.add(unreadable + " file(s) could not be read and cannot be imported");
        }
        return new MediumContent(source, "folder scan", patients, all.size(), instances, unreadable, notDicom, 0,
                problems, warnings, !cancelled.getAsBoolean());
    }

    private static boolean looksDicom(Path p) {
        try (var in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        } catch (Exception e) {
            return false;
        }
    }

    private void readIcons(Path dicomdir, Map<String, IconImage> icons) {
        try {
            DicomHeader dir = files.readHeader(dicomdir);
            for (DicomAttributes r : dir.attributes().sequence(DicomTag.of(0x0004, 0x1220))) {
                if (r.string(DicomTag.DIRECTORY_RECORD_TYPE).equals("SERIES")) {
                    List<DicomAttributes> icon = r.sequence(DicomTag.ICON_IMAGE_SEQUENCE);
                    if (!icon.isEmpty()) {
                        DicomAttributes i = icon.get(0);
                        int rows = i.integer(DicomTag.ROWS).orElse(0), cols = i.integer(DicomTag.COLUMNS).orElse(0);
                        byte[] px = i.bytes(DicomTag.PIXEL_DATA);
                        if (rows > 0 && cols > 0 && px.length >= rows * cols) {
                            icons.put(r.string(DicomTag.SERIES_INSTANCE_UID), new IconImage(rows, cols, java.util.Arrays.copyOf(px, rows * cols)));
                        }
                    }
                }
            }
        } catch (DicomReadException e) {
            // no icons: the real thumbnails follow anyway
        }
    }

    private static PatientRecord patient(DicomHeader h, List<StudyRecord> studies) {
        DicomAttributes a = h.attributes();
        return new PatientRecord(a.string(DicomTag.PATIENT_ID), a.string(DicomTag.ISSUER_OF_PATIENT_ID),
                a.string(DicomTag.PATIENT_NAME), a.string(DicomTag.PATIENT_BIRTH_DATE), a.string(DicomTag.PATIENT_SEX), studies);
    }

    private StudyRecord study(DicomHeader h, List<String> seriesUids, Map<String, IconImage> icons,
                              Map<String, List<InstanceRecord>> series) {
        DicomAttributes a = h.attributes();
        List<ProcedureCode> codes = new ArrayList<>();
        for (DicomAttributes c : a.sequence(DicomTag.PROCEDURE_CODE_SEQUENCE)) {
            codes.add(new ProcedureCode(c.string(DicomTag.CODE_VALUE), c.string(DicomTag.CODING_SCHEME_DESIGNATOR), c.string(DicomTag.CODE_MEANING)));
        }
        List<SeriesRecord> srs = new ArrayList<>();
        for (String uid : seriesUids) {
            List<InstanceRecord> inst = new ArrayList<>(series.get(uid));
            inst.sort(Comparator.comparingInt(InstanceRecord::instanceNumber));
            DicomAttributes s = inst.get(0).header().attributes();
            srs.add(new SeriesRecord(uid, s.string(DicomTag.MODALITY), s.integer(DicomTag.SERIES_NUMBER).orElse(0),
                    s.string(DicomTag.SERIES_DESCRIPTION), s.string(DicomTag.BODY_PART_EXAMINED), s.string(DicomTag.PROTOCOL_NAME),
                    List.copyOf(inst), Optional.ofNullable(icons.get(uid))));
        }
        srs.sort(Comparator.comparingInt(SeriesRecord::seriesNumber));
        return new StudyRecord(h.studyInstanceUid(), a.string(DicomTag.STUDY_DESCRIPTION), a.string(DicomTag.STUDY_DATE),
                a.string(DicomTag.STUDY_TIME), a.string(DicomTag.ACCESSION_NUMBER), a.string(DicomTag.STUDY_ID), codes,
                a.string(DicomTag.REQUESTED_PROCEDURE_DESCRIPTION), a.string(DicomTag.PERFORMED_PROCEDURE_STEP_DESCRIPTION), srs);
    }
}
