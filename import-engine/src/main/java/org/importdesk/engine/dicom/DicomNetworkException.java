package org.importdesk.engine.dicom;

import java.io.IOException;

/** A DICOM network operation failed: connection refused, association rejected or aborted, protocol error. */
public class DicomNetworkException extends IOException {
    private final boolean transientFailure;

    public DicomNetworkException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public DicomNetworkException(String message, boolean transientFailure) {
        this(message, transientFailure, null);
    }

    /** Whether trying again later may help (peer down, connection lost, rejected transiently). */
    public boolean isTransient() {
        return transientFailure;
    }
}
