package org.importdesk.engine.classify;

import org.importdesk.engine.dicom.DicomAttributes;
import org.importdesk.engine.dicom.DicomFiles;
import org.importdesk.engine.dicom.DicomHeader;
import org.importdesk.engine.dicom.DicomReadException;
import org.importdesk.engine.dicom.DicomTag;
import org.importdesk.engine.media.InstanceRecord;
import org.importdesk.engine.media.ProcedureCode;
import org.importdesk.engine.media.SeriesRecord;
import org.importdesk.engine.media.StudyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A plain study source: every readable DICOM file under a folder (or one file), grouped by study and series, with the
 * metadata MOMO reads. No DICOMDIR handling; the media package's reader does the full job.
 */
public final class DicomFolderStudies implements StudySource {

    private static final Logger LOG = LoggerFactory.getLogger(DicomFolderStudies.class);
    private final DicomFiles files;

    public DicomFolderStudies(DicomFiles files) {
        this.files = files;
    }

    @Override
    public List<StudyRecord> studies(Path root) throws IOException {
        if (!Files.exists(root)) {
            throw new IOException("no such file or folder: " + root);
        }
        Map<String, Map<String, List<DicomHeader>>> byStudy = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                DicomHeader h;
                try {
                    h = files.readHeader(p);
                } catch (DicomReadException | RuntimeException e) {
                    LOG.debug("not read: {}: {}", p, e.getMessage());
                    continue;
                }
                String study = h.studyInstanceUid();
                if (study == null || study.isEmpty() || "DICOMDIR".equalsIgnoreCase(p.getFileName().toString())) {
                    continue;
                }
                byStudy.computeIfAbsent(study, k -> new LinkedHashMap<>())
                        .computeIfAbsent(h.seriesInstanceUid(), k -> new ArrayList<>()).add(h);
            }
        }
        List<StudyRecord> out = new ArrayList<>();
        for (var st : byStudy.entrySet()) {
            List<SeriesRecord> series = new ArrayList<>();
            DicomAttributes first = null;
            for (var se : st.getValue().entrySet()) {
                DicomAttributes a = se.getValue().get(0).attributes();
                if (first == null) {
                    first = a;
                }
                List<InstanceRecord> instances = se.getValue().stream().map(h -> new InstanceRecord(h.sopInstanceUid(),
                        h.sopClassUid(), h.transferSyntaxUid(), h.attributes().integer(DicomTag.INSTANCE_NUMBER).orElse(0),
                        h.file(), h)).toList();
                series.add(new SeriesRecord(se.getKey(), a.string(DicomTag.MODALITY),
                        a.integer(DicomTag.SERIES_NUMBER).orElse(0), a.string(DicomTag.SERIES_DESCRIPTION),
                        a.string(DicomTag.BODY_PART_EXAMINED), a.string(DicomTag.PROTOCOL_NAME), instances,
                        Optional.empty()));
            }
            String description = "";
            String requested = "";
            String performed = "";
            List<ProcedureCode> codes = new ArrayList<>();
            for (List<DicomHeader> hs : st.getValue().values()) {
                for (DicomHeader h : hs) {
                    DicomAttributes a = h.attributes();
                    description = description.isEmpty() ? a.string(DicomTag.STUDY_DESCRIPTION) : description;
                    requested = requested.isEmpty() ? a.string(DicomTag.REQUESTED_PROCEDURE_DESCRIPTION) : requested;
                    performed = performed.isEmpty() ? a.string(DicomTag.PERFORMED_PROCEDURE_STEP_DESCRIPTION) : performed;
                    if (codes.isEmpty()) {
                        for (int seq : new int[]{DicomTag.PROCEDURE_CODE_SEQUENCE, DicomTag.REQUESTED_PROCEDURE_CODE_SEQUENCE}) {
                            for (DicomAttributes item : a.sequence(seq)) {
                                codes.add(new ProcedureCode(item.string(DicomTag.CODE_VALUE),
                                        item.string(DicomTag.CODING_SCHEME_DESIGNATOR), item.string(DicomTag.CODE_MEANING)));
                            }
                        }
                    }
                }
            }
            out.add(new StudyRecord(st.getKey(), description, first.string(DicomTag.STUDY_DATE),
                    first.string(DicomTag.STUDY_TIME), first.string(DicomTag.ACCESSION_NUMBER),
                    first.string(DicomTag.STUDY_ID), codes, requested, performed, series));
        }
        return out;
    }
}
