package org.importdesk.engine.dicom;

import java.nio.file.Path;

/**
 * Decodes the pixel data of DICOM files for display and for the networks. Never throws: what cannot be decoded
 * (unsupported transfer syntax, no pixel data, damaged file) comes back as {@link DecodedFrames#reason()}.
 * Files are read through {@link java.nio.file.Files#newInputStream}, so they may be on a ZIP file system.
 * Implementations are thread-safe.
 */
public interface PixelDecoder {

    DecodedFrames decode(Path file, FrameChoice frames);

    /**
     * For display at no more than about {@code maxSide} pixels (thumbnails): frames may come back smaller than the
     * file's Rows x Columns, but never smaller than maxSide on their longer side. JPEG 2000 and HTJ2K then decode
     * only the resolution levels needed; other encodings are decoded whole and shrunk by a whole factor (box mean of
     * the stored values, palette indices picked) before any conversion to floats.
     */
    default DecodedFrames decode(Path file, FrameChoice frames, int maxSide) {
        return decode(file, frames);
    }

    default DecodedFrames decode(Path file) {
        return decode(file, FrameChoice.ALL);
    }

    /** The decoder over PixelMed and the native codecs Debian ships (CharLS, OpenJPEG), where installed. */
    static PixelDecoder standard() {
        return new PixelMedPixelDecoder();
    }
}
