package org.importdesk.engine.media;

/** What became of one file found on (or referenced by) a medium. The names are the `scan` TSV's status column. */
public enum FileStatus {
    /** read; referenced by the DICOMDIR, or found by the scan when there is no usable DICOMDIR */
    OK("ok"),
    /** a readable DICOM file on the medium that its DICOMDIR does not list */
    UNREFERENCED("unreferenced"),
    NOT_DICOM("not-dicom"),
    UNREADABLE("unreadable"),
    /** referenced by the DICOMDIR but not on the medium */
    MISSING("missing"),
    /** a DICOMDIR reference that resolves outside the medium's root: refused, never opened */
    OUTSIDE_MEDIUM("outside-medium"),
    /** a second file with a SOP Instance UID already seen */
    DUPLICATE("duplicate");

    private final String label;

    FileStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the file's instance takes part in the study tree (can be previewed, classified and sent). */
    public boolean usable() {
        return this == OK || this == UNREFERENCED;
    }
}
