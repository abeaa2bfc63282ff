package org.importdesk.engine.send;

/** The state of one queue row. */
public enum ItemState {
    /** written to the queue, not yet sent */
    PENDING("pending"),
    /** a C-STORE was started; if the process died here the rerun asks the PACS before sending again */
    SENDING("sending"),
    /** the PACS answered success or warning */
    SENT("sent"),
    /** the PACS already had it before we sent (found by C-FIND); not sent */
    PRESENT("present"),
    /** the PACS refused it (failure status) or the instance could not be read; see status and reason */
    FAILED("failed");

    private final String label;

    ItemState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ItemState of(String label) {
        for (ItemState s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown queue state " + label);
    }
}
