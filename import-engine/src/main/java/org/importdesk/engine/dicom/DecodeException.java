package org.importdesk.engine.dicom;

/** Pixel data could not be decoded; internal to the decoder, which turns it into a "no preview" reason. */
final class DecodeException extends Exception {
    DecodeException(String message) {
        super(message);
    }

    DecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
