package org.importdesk.engine.media;

/** Lets a caller (the UI's cancel button) stop a long read; the reader checks it between files. */
public final class CancellationToken {
    private volatile boolean cancelled;

    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
