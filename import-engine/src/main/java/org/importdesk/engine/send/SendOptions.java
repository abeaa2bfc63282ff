package org.importdesk.engine.send;

import java.time.Duration;

/**
 * How to send.
 *
 * @param callingAet        our AE title
 * @param associations      parallel associations (1 or more)
 * @param firstBackoff      wait after the first network failure; doubles up to {@code maxBackoff}
 * @param giveUpAfter       stop retrying when no instance went through for this long; the missing ones are reported
 * @param newUids           assign new Study/Series/SOP Instance UIDs (when the PACS holds the study under another patient)
 * @param storageCommitment ask for storage commitment when the PACS offers it
 */
public record SendOptions(String callingAet, int associations, Duration firstBackoff, Duration maxBackoff,
                          Duration giveUpAfter, boolean newUids, boolean storageCommitment, int connectTimeoutMs,
                          int readTimeoutMs) {
    public SendOptions {
        if (associations < 1 || associations > 16) {
            throw new IllegalArgumentException("associations must be 1-16: " + associations);
        }
    }

    public static SendOptions defaults(String callingAet) {
        return new SendOptions(callingAet, 2, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMinutes(5),
                false, false, 5000, 60000);
    }

    public SendOptions withAssociations(int n) {
        return new SendOptions(callingAet, n, firstBackoff, maxBackoff, giveUpAfter, newUids, storageCommitment,
                connectTimeoutMs, readTimeoutMs);
    }

    public SendOptions withGiveUpAfter(Duration d) {
        return new SendOptions(callingAet, associations, firstBackoff, maxBackoff, d, newUids, storageCommitment,
                connectTimeoutMs, readTimeoutMs);
    }

    public SendOptions withNewUids(boolean b) {
        return new SendOptions(callingAet, associations, firstBackoff, maxBackoff, giveUpAfter, b, storageCommitment,
                connectTimeoutMs, readTimeoutMs);
    }

    public SendOptions withBackoff(Duration first, Duration max) {
        return new SendOptions(callingAet, associations, first, max, giveUpAfter, newUids, storageCommitment,
                connectTimeoutMs, readTimeoutMs);
    }
}
