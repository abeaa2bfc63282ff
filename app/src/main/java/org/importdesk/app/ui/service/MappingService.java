package org.importdesk.app.ui.service;

import org.importdesk.mapping.ChangeLogEntry;
import org.importdesk.mapping.MappingContent;
import org.importdesk.mapping.ValidationFinding;

import java.nio.file.Path;
import java.util.List;

/** The team lead's access to the Modality Mapping Database; called off the FX thread. */
public interface MappingService {

    /**
     * A past decision whose proposal the draft changes.
     *
     * @param verdict {@link Verdict#BREAKS} when the confirmed class was proposed before and no longer is,
     *                {@link Verdict#FIXES} when it now is, {@link Verdict#CHANGES} otherwise
     */
    record ReplayChange(String study, String modality, String confirmedClass, String before, String after,
                        Verdict verdict) {
    }

    enum Verdict { BREAKS, FIXES, CHANGES }

    /** How a replay went: how many past decisions were checked, and those whose proposal changes. */
    record Replay(int decisionsChecked, List<ReplayChange> changes) {
        public long breaks() {
            return changes.stream().filter(c -> c.verdict() == Verdict.BREAKS).count();
        }
    }

    MappingContent load();

    List<ValidationFinding> validate(MappingContent draft);

    /** Classifies every recorded decision with the saved table and with the draft. */
    Replay replay(MappingContent draft);

    /** Validates and saves; errors refuse the save (MappingValidationException). Returns the warnings. */
    List<ValidationFinding> save(MappingContent draft, String who);

    List<ChangeLogEntry> changes();

    void rollback(long changeId, String who);

    /** Reads a MOMO spreadsheet (.xlsx or .csv) into a draft based on the current content, with findings. */
    ImportedSheet importSpreadsheet(Path file) throws Exception;

    void exportSpreadsheet(MappingContent content, Path file) throws Exception;

    record ImportedSheet(MappingContent draft, List<ValidationFinding> findings) {
    }
}
