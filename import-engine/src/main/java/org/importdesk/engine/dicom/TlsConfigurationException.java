package org.importdesk.engine.dicom;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A TLS key or trust store cannot be used: missing or unreadable file, not a key store, wrong password, no private
 * key, or a certificate outside its validity. The message names the file and what is wrong with it.
 */
public class TlsConfigurationException extends IOException {
    private final transient Path file;

    public TlsConfigurationException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The store at fault. */
    public Path file() {
        return file;
    }
}
