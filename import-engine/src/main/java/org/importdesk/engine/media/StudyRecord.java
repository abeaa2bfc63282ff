package org.importdesk.engine.media;

import java.util.List;

/**
 * One study on a medium with what MOMO and the import need.
 *
 * @param procedureCodes            Procedure Code Sequence, then Requested Procedure Code Sequence items
 * @param requestedProcedureDescription (0032,1060)
 * @param performedProcedureStepDescription (0040,0254)
 */
public record StudyRecord(String studyInstanceUid, String studyDescription, String studyDate, String studyTime,
                          String accessionNumber, String studyId, List<ProcedureCode> procedureCodes,
                          String requestedProcedureDescription, String performedProcedureStepDescription,
                          List<SeriesRecord> series) {

    public int instanceCount() {
        return series.stream().mapToInt(s -> s.instances().size()).sum();
    }
}
