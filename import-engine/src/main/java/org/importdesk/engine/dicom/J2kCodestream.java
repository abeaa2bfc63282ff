package org.importdesk.engine.dicom;

import java.util.Arrays;

/**
 * Repairs of raw JPEG 2000 codestreams that OpenJPEG refuses although every tile-part is intact. Some encoders
 * (corpus: pylibjpeg-data 966.dcm, Canon) write a COM marker segment after the last tile-part; ISO 15444-1 allows
 * marker segments only in the main and tile-part headers, so OpenJPEG stops with "Stream too short, expected SOT".
 */
final class J2kCodestream {
    private static final int SOC = 0xFF4F;
    private static final int SOT = 0xFF90;
    private static final int EOC = 0xFFD9;

    private J2kCodestream() {
    }

    /**
     * The codestream cut after its last tile-part and closed with EOC, when something other than SOT or EOC follows
     * the chain of tile-parts; otherwise the codestream itself. JP2 files and codestreams whose tile-parts cannot be
     * followed (Psot 0, lengths past the end) come back unchanged.
     */
    static byte[] withoutTrailingSegments(byte[] cs) {
        if (cs.length < 4 || marker(cs, 0) != SOC) {
            return cs;
        }
        int pos = 2;
        while (pos + 4 <= cs.length && marker(cs, pos) != SOT) { // main header marker segments
            int m = marker(cs, pos);
            if ((m & 0xFF00) != 0xFF00) {
                return cs;
            }
            pos += 2 + (((cs[pos + 2] & 0xFF) << 8) | (cs[pos + 3] & 0xFF));
        }
        int tileParts = 0;
        while (pos + 12 <= cs.length && marker(cs, pos) == SOT) {
            long psot = ((cs[pos + 6] & 0xFFL) << 24) | ((cs[pos + 7] & 0xFF) << 16) | ((cs[pos + 8] & 0xFF) << 8)
                    | (cs[pos + 9] & 0xFF);
            if (psot == 0 || pos + psot > cs.length) {
                return cs;
            }
            pos += (int) psot;
            tileParts++;
        }
        if (pos + 2 > cs.length || marker(cs, pos) == EOC || tileParts == 0) {
            return cs;
        }
        byte[] out = Arrays.copyOf(cs, pos + 2);
        out[pos] = (byte) 0xFF;
        out[pos + 1] = (byte) 0xD9;
        return out;
    }

    private static int marker(byte[] cs, int pos) {
        return ((cs[pos] & 0xFF) << 8) | (cs[pos + 1] & 0xFF);
    }
}
