package org.importdesk.engine.dicom;

import java.util.Arrays;

/**
 * Segmented Palette Color LUT data (PS3.3 C.7.9.2): discrete (opcode 0), linear (1) and indirect (2) segments of
 * 16-bit words, expanded into a plain table. Linear segments are rounded half to even, as pydicom does.
 */
final class SegmentedLut {
    private int[] out = new int[256];
    private int size;

    private SegmentedLut() {
    }

    static int[] expand(int[] words) throws DecodeException {
        SegmentedLut lut = new SegmentedLut();
        lut.read(words, 0, Integer.MAX_VALUE, 0);
        if (lut.size == 0) {
            throw new DecodeException("segmented palette without entries");
        }
        return Arrays.copyOf(lut.out, lut.size);
    }

    private void read(int[] words, int from, int maxSegments, int depth) throws DecodeException {
        if (depth > 4) {
            throw new DecodeException("segmented palette: indirect segments nested too deeply");
        }
        int at = from;
        for (int segment = 0; segment < maxSegments && at + 1 < words.length; segment++) {
            int opcode = words[at];
            int length = words[at + 1];
            at += 2;
            switch (opcode) {
                case 0 -> {
                    if (at + length > words.length) {
                        throw new DecodeException("segmented palette: discrete segment past the end");
                    }
                    for (int i = 0; i < length; i++) {
                        add(words[at + i]);
                    }
                    at += length;
                }
                case 1 -> {
                    if (size == 0 || at >= words.length) {
                        throw new DecodeException("segmented palette: linear segment without a start value");
                    }
                    int y0 = out[size - 1];
                    int y1 = words[at++];
                    if (y1 == y0 || length == 1) {
                        for (int i = 0; i < length; i++) {
                            add(y1);
                        }
                    } else {
                        // numpy: around(linspace(y0 + step, y1, length)) with step = (y1 - y0) / length
                        double start = y0 + (double) (y1 - y0) / length;
                        double delta = (y1 - start) / (length - 1);
                        for (int i = 0; i < length - 1; i++) {
                            add((int) Math.rint(i * delta + start));
                        }
                        add(y1);
                    }
                }
                case 2 -> {
                    if (size == 0 || at + 1 >= words.length) {
                        throw new DecodeException("segmented palette: indirect segment without a start value");
                    }
                    int offset = words[at] | words[at + 1] << 16; // least significant word first
                    at += 2;
                    if (offset < 0 || offset >= words.length) {
                        throw new DecodeException("segmented palette: indirect offset past the end");
                    }
                    read(words, offset, length, depth + 1);
                }
                default -> throw new DecodeException("segmented palette: unknown segment type " + opcode);
            }
            if (size > 65536) {
                throw new DecodeException("segmented palette longer than 65536 entries");
            }
        }
    }

    private void add(int value) {
        if (size == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[size++] = value;
    }
}
