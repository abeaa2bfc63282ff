package org.importdesk.app.ui.service;

import java.time.Instant;
import java.util.List;

/** The audit records of past imports, newest first; called off the FX thread. */
public interface HistoryService {

    record Entry(Instant when, String user, String medium, String externalPatient, String localPatient,
                 String studyDescription, String proposedClass, String confirmedClass, int sent, int failed,
                 String outcome) {
        /** Lower-case text the search matches against. */
        public String searchText() {
            return String.join(" ", user, medium, externalPatient, localPatient, studyDescription, proposedClass,
                    confirmedClass, outcome).toLowerCase();
        }
    }

    List<Entry> entries() throws Exception;
}
