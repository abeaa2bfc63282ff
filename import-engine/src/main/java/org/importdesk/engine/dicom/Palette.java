package org.importdesk.engine.dicom;

/** PALETTE COLOR lookup: the red, green and blue Palette Color LUTs, plain or segmented. */
final class Palette {
    private static final int[] DESCRIPTORS = {0x00281101, 0x00281102, 0x00281103};
    private static final int[] DATA = {0x00281201, 0x00281202, 0x00281203};
    private static final int[] SEGMENTED_DATA = {0x00281221, 0x00281222, 0x00281223};

    private final int[][] tables = new int[3][];
    private final int[] firstMapped = new int[3];

    private Palette() {
    }

    static Palette of(PixelMedAttributes dataSet) throws DecodeException {
        Palette p = new Palette();
        for (int k = 0; k < 3; k++) {
            double[] descriptor = dataSet.decimals(DESCRIPTORS[k]);
            byte[] data = LutData.bytes(dataSet, DATA[k]);
            if (data.length == 0) {
                data = expandedSegments(dataSet, SEGMENTED_DATA[k]);
            }
            if (descriptor.length != 3 || data.length == 0) {
                throw new DecodeException("PALETTE COLOR without a usable palette");
            }
            int entries = (int) descriptor[0] == 0 ? 65536 : ((int) descriptor[0]) & 0xFFFF;
            int bits = (int) descriptor[2];
            p.firstMapped[k] = (int) descriptor[1];
            int[] table;
            if (bits == 8 && data.length < 2 * entries) {
                table = new int[Math.min(entries, data.length)];
                for (int i = 0; i < table.length; i++) {
                    table[i] = data[i] & 0xFF;
                }
            } else {
                table = new int[Math.min(entries, data.length / 2)];
                int max = 0;
                for (int i = 0; i < table.length; i++) {
                    table[i] = (data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8;
                    max = Math.max(max, table[i]);
                }
                if (bits == 16 || max > 255) {
                    for (int i = 0; i < table.length; i++) {
                        table[i] >>= 8;
                    }
                }
            }
            if (table.length == 0) {
                throw new DecodeException("PALETTE COLOR with an empty palette");
            }
            p.tables[k] = table;
        }
        return p;
    }

    /** A segmented LUT expanded, as little-endian 16-bit entries like plain LUT data; empty when absent. */
    private static byte[] expandedSegments(PixelMedAttributes dataSet, int tag) throws DecodeException {
        byte[] segmented = LutData.bytes(dataSet, tag);
        if (segmented.length < 2) {
            return new byte[0];
        }
        int[] words = new int[segmented.length / 2];
        for (int i = 0; i < words.length; i++) {
            words[i] = (segmented[2 * i] & 0xFF) | (segmented[2 * i + 1] & 0xFF) << 8;
        }
        int[] table = SegmentedLut.expand(words);
        byte[] out = new byte[table.length * 2];
        for (int i = 0; i < table.length; i++) {
            out[2 * i] = (byte) table[i];
            out[2 * i + 1] = (byte) (table[i] >> 8);
        }
        return out;
    }

    float[] apply(int[] samples, int pixels, int bitsStored, boolean signed) {
        float[] out = new float[pixels * 3];
        int mask = (1 << bitsStored) - 1;
        for (int i = 0; i < pixels; i++) {
            int v = samples[i] & mask;
            if (signed && (v & (1 << (bitsStored - 1))) != 0) {
                v -= 1 << bitsStored;
            }
            for (int k = 0; k < 3; k++) {
                int[] t = tables[k];
                int j = Math.max(0, Math.min(t.length - 1, v - firstMapped[k]));
                out[3 * i + k] = t[j];
            }
        }
        return out;
    }
}
