package org.importdesk.engine.send;

/** The send could not be done or not be recorded; the message says what to do. */
public class SendException extends Exception {
    public SendException(String message, Throwable cause) {
        super(message, cause);
    }

    public SendException(String message) {
        super(message);
    }
}
