package org.importdesk.engine.send;

/**
 * One row of the durable send queue.
 *
 * @param targetUid  the SOP Instance UID as sent (differs from the source only when new UIDs were assigned)
 * @param status     the last DIMSE status as 4 hex digits, empty when none
 * @param reason     why it failed or the warning text, empty otherwise
 * @param attempts   C-STORE requests started for it (over all runs)
 * @param acks       success or warning responses received for it (over all runs); more than 1 means sent twice
 * @param confirmed  the PACS listed it in the C-FIND after sending
 */
public record QueueRow(String jobId, String sopInstanceUid, String targetUid, String seriesInstanceUid,
                       String sopClassUid, String file, ItemState state, String status, String reason, int attempts,
                       int acks, boolean confirmed) {
}
