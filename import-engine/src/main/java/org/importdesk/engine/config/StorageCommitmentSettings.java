package org.importdesk.engine.config;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Storage commitment after each import to a PACS: the port our listener takes the PACS's N-EVENT-REPORT on (the PACS
 * must know this workstation's AE title at this host and port) and how long to wait for it. No port: not requested.
 * Keys {@value SettingKeys#COMMITMENT_PORT} and {@value SettingKeys#COMMITMENT_WAIT}.
 */
public record StorageCommitmentSettings(OptionalInt port, Duration timeout) {
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    public StorageCommitmentSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(timeout, "timeout");
    }

    public static StorageCommitmentSettings off() {
        return new StorageCommitmentSettings(OptionalInt.empty(), DEFAULT_WAIT);
    }

    public boolean enabled() {
        return port.isPresent();
    }
}
