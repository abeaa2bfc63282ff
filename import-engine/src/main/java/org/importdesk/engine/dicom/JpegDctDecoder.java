package org.importdesk.engine.dicom;

/**
 * DCT JPEG frames the JDK reader cannot decode (12-bit extended, progressive). Only the marker inspection is
 * implemented; decoding reports that no decoder is available.
 */
final class JpegDctDecoder {
    record Image(int width, int height, int components, int[] samples, boolean convertedToRgb) {
    }

    private JpegDctDecoder() {
    }

    /** Whether the stream's frame header is a DCT one (SOF0, SOF1, SOF2). */
    static boolean isDct(byte[] jpeg) {
        int sof = sofMarker(jpeg);
        return sof >= 0xC0 && sof <= 0xC2;
    }

    static int precision(byte[] jpeg) {
        int at = sofOffset(jpeg);
        return at < 0 || at + 4 >= jpeg.length ? 0 : jpeg[at + 4] & 0xFF;
    }

    static Image decode(byte[] jpeg) throws DecodeException {
        throw new DecodeException((sofMarker(jpeg) == 0xC2 ? "progressive " : "") + precision(jpeg)
                + "-bit lossy JPEG has no decoder here");
    }

    private static int sofMarker(byte[] jpeg) {
        int at = sofOffset(jpeg);
        return at < 0 ? -1 : jpeg[at + 1] & 0xFF;
    }

    /** Offset of the 0xFF of the first SOFn marker, walking the marker segments; -1 when none. */
    static int sofOffset(byte[] jpeg) {
        int i = 0;
        while (i + 3 < jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                i++;
                continue;
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xD8 || marker == 0xFF || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                i += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return i;
            }
            if (marker == 0xDA) {
                return -1;
            }
            int length = (jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF);
            i += 2 + length;
        }
        return -1;
    }
}
