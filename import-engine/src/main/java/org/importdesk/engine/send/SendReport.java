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
 * @param gaveUp        the PACS stayed unreachable longer than allowed
 * @param verified      the C-FIND after sending answered (otherwise nothing is confirmed)
 * @param warnings      things the user must know (C-FIND refused, warning statuses are in the rows)
 */
public record SendReport(String jobId, DicomNode destination, String studyUid, String targetStudyUid,
                         List<QueueRow> rows, int presentBefore, Map<String, int[]> perSeries, boolean gaveUp, boolean verified,
                         List<String> warnings) {

    /** Every instance of the study is confirmed in the PACS. */
    public boolean complete() {
        return !rows.isEmpty() && rows.stream().allMatch(QueueRow::confirmed);
    }

    /**
     * The instances that are not in the PACS as far as we know: not confirmed by the C-FIND after sending, or, when
     * that C-FIND could not be done, never acknowledged by the PACS.
     */
    public List<QueueRow> missing() {
        return rows.stream().filter(r -> !r.confirmed())
                .filter(r -> verified || (r.state() != ItemState.SENT && r.state() != ItemState.PRESENT))
                .toList();
    }

    public long count(ItemState state) {
        return rows.stream().filter(r -> r.state() == state).count();
    }
}
