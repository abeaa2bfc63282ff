package org.importdesk.engine.dicom;

/** HTJ2K frames. No decoder is wired yet: decoding says so. */
final class OpenJpegDecoder {
    record Image(int width, int height, int components, int[] samples) {
    }

    private OpenJpegDecoder() {
    }

    static Image decode(byte[] codestream) throws DecodeException {
        throw new DecodeException("no HTJ2K decoder is available");
    }
}
