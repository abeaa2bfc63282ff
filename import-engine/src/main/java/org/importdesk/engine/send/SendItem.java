package org.importdesk.engine.send;

import java.nio.file.Path;

/** One instance to send: where it is and the UIDs the queue and the duplicate check need. */
public record SendItem(String sopInstanceUid, String sopClassUid, String seriesInstanceUid, String transferSyntaxUid,
                       Path file) {
}
