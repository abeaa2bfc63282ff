package org.importdesk.mapping;

/** The mapping database could not be read or written. */
public final class MappingStoreException extends RuntimeException {
    public MappingStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
