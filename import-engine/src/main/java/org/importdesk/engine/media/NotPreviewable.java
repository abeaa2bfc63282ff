package org.importdesk.engine.media;

/** A usable instance whose pixels the workstation cannot show (no pixel data, SR, a transfer syntax without decoder). */
public record NotPreviewable(String displayPath, String sopInstanceUid, String reason) {
}
