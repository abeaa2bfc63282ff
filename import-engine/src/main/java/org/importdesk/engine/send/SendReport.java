package org.importdesk.engine.send;

import org.importdesk.engine.dicom.DicomNode;

import java.util.List;
import java.util.Map;

/**
 * The outcome of sending one study.
 *
 * @param rows          the final queue row of every instance of the study
 * @param presentBefore instances the PACS already had before this run sent anything
 * @param perSeries     series UID (as on the medium) to {expected, found in the PACS afterwards}
 * @param gaveUp        the PACS stayed unreachable longer than allowed; rows not confirmed are missing
 * @param warnings      things the user must know (C-FIND refused, warning statuses are in the rows)
 */
public record SendReport(String jobId, DicomNode destination, String studyUid, String targetStudyUid,
                         List<QueueRow> rows, int presentBefore, Map<String, int[]> perSeries, boolean gaveUp,
                         List<String> warnings) {

    /** Every instance of the study is confirmed in the PACS. */
    public boolean complete() {
        return !rows.isEmpty() && rows.stream().allMatch(QueueRow::confirmed);
    }

    public List<QueueRow> missing() {
        return rows.stream().filter(r -> !r.confirmed()).toList();
    }

    public long count(ItemState state) {
        return rows.stream().filter(r -> r.state() == state).count();
    }
}
