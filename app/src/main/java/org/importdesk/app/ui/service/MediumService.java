package org.importdesk.app.ui.service;

import org.importdesk.engine.media.PatientRecord;
import org.importdesk.engine.media.StudyRecord;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Reads a medium for the workstation; called off the FX thread. */
public interface MediumService {

    /** Receives the medium's contents while it is read (on the reading thread). */
    interface Events {
        void progress(int filesDone, int filesTotal);

        void studyFound(PatientRecord patient, StudyRecord study);
    }

    MediumContent read(Path source, Events events, BooleanSupplier cancelled) throws Exception;

    /**
     * A medium as the screens show it.
     *
     * @param problems one line per file that could not be used (path: reason), for the health summary
     * @param warnings what a radiographer must know first (several patients, unreadable files, ...)
     */
    record MediumContent(Path source, String how, List<PatientRecord> patients, int files, int instances,
                         int unreadable, int notDicom, int notPreviewable, List<String> problems,
                         List<String> warnings, boolean complete) {
        public int studies() {
            return patients.stream().mapToInt(p -> p.studies().size()).sum();
        }

        public int series() {
            return patients.stream().flatMap(p -> p.studies().stream()).mapToInt(s -> s.series().size()).sum();
        }
    }
}
