package org.importdesk.engine.dicom;

/** The Status (0000,0900) of a DIMSE response, with its Error Comment when the peer gave one. */
public record DimseStatus(int code, String errorComment) {
    public static final int SUCCESS = 0x0000;
    public static final int PENDING = 0xFF00;
    public static final int PENDING_WARNING = 0xFF01;
    public static final int CANCEL = 0xFE00;

    public boolean success() {
        return code == SUCCESS;
    }

    /** Warning statuses: 0001, Bxxx and 0107/0116 (attribute warnings). The instance was stored. */
    public boolean warning() {
        return code == 0x0001 || (code & 0xF000) == 0xB000 || code == 0x0107 || code == 0x0116;
    }

    public boolean stored() {
        return success() || warning();
    }

    public boolean pending() {
        return code == PENDING || code == PENDING_WARNING;
    }

    public String hex() {
        return String.format("%04X", code);
    }

    @Override
    public String toString() {
        return hex() + (errorComment == null || errorComment.isBlank() ? "" : " (" + errorComment + ")");
    }
}
