package org.importdesk.engine.send;

/**
 * The PACS already holds this Study Instance UID under another patient: the import stops and asks; sending again with
 * new UIDs ({@link SendOptions#newUids()}) keeps every reference consistent.
 */
public class StudyUidCollisionException extends SendException {
    private final String studyUid;

    public StudyUidCollisionException(String studyUid) {
        super("the PACS already holds study " + studyUid + " under another patient; nothing was sent."
                + " Check the patient, or send with new UIDs (--new-uids)");
        this.studyUid = studyUid;
    }

    public String studyUid() {
        return studyUid;
    }
}
