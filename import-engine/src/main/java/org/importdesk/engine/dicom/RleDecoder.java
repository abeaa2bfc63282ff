package org.importdesk.engine.dicom;

/** DICOM RLE Lossless (PS3.5 annex G): one PackBits segment per byte plane, most significant byte first. */
final class RleDecoder {
    private RleDecoder() {
    }

    /** Stored samples, interleaved per pixel. */
    static int[] decode(byte[] frame, int rows, int columns, int samplesPerPixel, int bitsAllocated)
            throws DecodeException {
        if (frame.length < 64) {
            throw new DecodeException("RLE frame shorter than its header");
        }
        int segments = readInt(frame, 0);
        int bytesPerSample = Math.max(1, bitsAllocated / 8);
        if (segments != samplesPerPixel * bytesPerSample) {
            throw new DecodeException("RLE frame has " + segments + " segments, expected "
                    + samplesPerPixel * bytesPerSample);
        }
        int pixels = rows * columns;
        int[] out = new int[pixels * samplesPerPixel];
        byte[] plane = new byte[pixels];
        for (int s = 0; s < segments; s++) {
            int start = readInt(frame, 4 + 4 * s);
            int end = s + 1 < segments ? readInt(frame, 8 + 4 * s) : frame.length;
            if (start < 64 || start > frame.length || end < start || end > frame.length) {
                throw new DecodeException("RLE segment " + (s + 1) + " has a bad offset");
            }
            unpack(frame, start, end, plane);
            int sample = s / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - s % bytesPerSample);
            for (int i = 0; i < pixels; i++) {
                out[i * samplesPerPixel + sample] |= (plane[i] & 0xFF) << shift;
            }
        }
        return out;
    }

    private static void unpack(byte[] in, int pos, int end, byte[] out) {
        int o = 0;
        java.util.Arrays.fill(out, (byte) 0);
        while (pos < end && o < out.length) {
            int n = in[pos++];
            if (n >= 0) {
                int count = Math.min(n + 1, Math.min(end - pos, out.length - o));
                System.arraycopy(in, pos, out, o, count);
                pos += n + 1;
                o += count;
            } else if (n != -128) {
                if (pos >= end) {
                    break;
                }
                byte b = in[pos++];
                int count = Math.min(-n + 1, out.length - o);
                for (int i = 0; i < count; i++) {
                    out[o++] = b;
                }
            }
        }
    }

    private static int readInt(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | (b[o + 3] & 0xFF) << 24;
    }
}
