package org.importdesk.engine.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits encapsulated pixel data into frames for transfer syntaxes PixelMed does not know (it then keeps no
 * frames): finds the top-level (7FE0,0010) OB element of undefined length, reads its Basic Offset Table and
 * fragments, and groups fragments into frames (by the offset table, one per frame, or by start-of-image markers).
 */
final class EncapsulatedFrames {
    private static final byte[] PIXEL_DATA_UNDEFINED = {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    private EncapsulatedFrames() {
    }

    static byte[][] read(Path file, int numberOfFrames) throws IOException, DecodeException {
        byte[] data;
        try (InputStream in = Files.newInputStream(file)) {
            data = in.readAllBytes();
        }
        int start = lastIndexOf(data, PIXEL_DATA_UNDEFINED);
        if (start < 0) {
            throw new DecodeException("no encapsulated pixel data found");
        }
        int pos = start + PIXEL_DATA_UNDEFINED.length;
        List<byte[]> items = new ArrayList<>();
        List<Integer> itemOffsets = new ArrayList<>();
        int firstFragmentPos = -1;
        while (pos + 8 <= data.length) {
            int group = u16(data, pos);
            int element = u16(data, pos + 2);
            long length = u32(data, pos + 4);
            if (group == 0xFFFE && element == 0xE0DD) {
                break;
            }
            if (group != 0xFFFE || element != 0xE000 || length > data.length - pos - 8L) {
                throw new DecodeException("damaged encapsulated pixel data at byte " + pos);
            }
            if (firstFragmentPos < 0 && !items.isEmpty()) {
                firstFragmentPos = pos;
            }
            byte[] value = new byte[(int) length];
            System.arraycopy(data, pos + 8, value, 0, value.length);
            items.add(value);
            itemOffsets.add(pos);
            pos += 8 + (int) length;
        }
        if (items.size() < 2) {
            throw new DecodeException("encapsulated pixel data has no fragments");
        }
        byte[] table = items.get(0);
        List<byte[]> fragments = items.subList(1, items.size());
        List<Integer> fragmentPos = itemOffsets.subList(1, itemOffsets.size());
        List<byte[]> frames = new ArrayList<>();
        if (table.length >= 4 && table.length / 4 == numberOfFrames) {
            int base = fragmentPos.get(0);
            for (int f = 0; f < numberOfFrames; f++) {
                long from = base + u32(table, 4 * f);
                long to = f + 1 < numberOfFrames ? base + u32(table, 4 * f + 4) : Long.MAX_VALUE;
                ByteArrayOutputStream frame = new ByteArrayOutputStream();
                for (int i = 0; i < fragments.size(); i++) {
                    int p = fragmentPos.get(i);
                    if (p >= from && p < to) {
                        frame.writeBytes(fragments.get(i));
                    }
                }
                frames.add(frame.toByteArray());
            }
        } else if (fragments.size() == numberOfFrames) {
            frames.addAll(fragments);
        } else if (numberOfFrames <= 1) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            fragments.forEach(frame::writeBytes);
            frames.add(frame.toByteArray());
        } else {
            ByteArrayOutputStream frame = null;
            for (byte[] fragment : fragments) {
                if (frame == null || startsImage(fragment)) {
                    if (frame != null) {
                        frames.add(frame.toByteArray());
                    }
                    frame = new ByteArrayOutputStream();
                }
                frame.writeBytes(fragment);
            }
            frames.add(frame.toByteArray());
        }
        return frames.toArray(new byte[0][]);
    }

    /** JPEG SOI (FFD8) or JPEG 2000 codestream SOC (FF4F). */
    private static boolean startsImage(byte[] fragment) {
        return fragment.length >= 2 && (fragment[0] & 0xFF) == 0xFF
                && ((fragment[1] & 0xFF) == 0xD8 || (fragment[1] & 0xFF) == 0x4F);
    }

    private static int lastIndexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = data.length - pattern.length; i >= 0; i--) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int u16(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int o) {
        return ((b[o] & 0xFFL) | (b[o + 1] & 0xFFL) << 8 | (b[o + 2] & 0xFFL) << 16 | (b[o + 3] & 0xFFL) << 24);
    }
}
