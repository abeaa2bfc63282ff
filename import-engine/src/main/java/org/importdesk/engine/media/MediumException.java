package org.importdesk.engine.media;

import java.nio.file.Path;

/** The medium cannot be read at all (no such path, no permission, a broken ZIP). Bad files never cause this. */
public class MediumException extends Exception {
    private final Path source;

    public MediumException(Path source, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
    }

    public Path source() {
        return source;
    }
}
