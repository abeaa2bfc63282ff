package org.importdesk.engine.dicom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the items of a DICOMDIR's Directory Record Sequence (0004,1220) by walking the elements themselves, without
 * trusting the items' lengths: pydicom's DICOMDIR-nooffset has records whose item length still counts elements that
 * were removed, and PixelMed then silently stops reading. Each item is returned as its position in the file (what the
 * DICOMDIR's offsets point at) and the byte range of its elements, for a normal parser to decode.
 */
final class DirectoryRecordScanner {
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");

    /** One record: {@code offset} of its item tag from the start of the file; elements in [start, end). */
    record RawItem(long offset, int start, int end) {
    }

    /** The items found, and the data set's encoding. */
    record Result(List<RawItem> items, String transferSyntaxUid) {
    }

    static final class ScanException extends Exception {
        ScanException(String message) {
            super(message, null, false, false);
        }
    }

    private final byte[] b;
    private boolean explicit = true;
    private boolean bigEndian;

    private DirectoryRecordScanner(byte[] bytes) {
        this.b = bytes;
    }

    static Result scan(byte[] file) throws ScanException {
        return new DirectoryRecordScanner(file).run();
    }

    private Result run() throws ScanException {
        int p = b.length >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M' ? 132 : 0;
        String ts = "1.2.840.10008.1.2";
        // meta header: always explicit VR little endian
        while (p + 8 <= b.length && u16(p) == 0x0002) {
            int element = u16(p + 2);
            String vr = vr(p + 4);
            int headerLength = LONG_VRS.contains(vr) ? 12 : 8;
            long length = LONG_VRS.contains(vr) ? u32(p + 8) : u16(p + 6);
            if (element == 0x0010) {
                ts = new String(b, p + headerLength, (int) length, StandardCharsets.US_ASCII).replace("\0", "").trim();
            }
            p += headerLength + (int) length;
        }
        if (p == 0 || p == 132) {
            ts = guessNoMeta(p);
        }
        switch (ts) {
            case "1.2.840.10008.1.2" -> explicit = false;
            case "1.2.840.10008.1.2.2" -> bigEndian = true;
            case "1.2.840.10008.1.2.1" -> {
            }
            default -> throw new ScanException("DICOMDIR in transfer syntax " + ts + " not scanned");
        }
        while (p + 8 <= b.length) {
            int group = u16(p);
            int element = u16(p + 2);
            Element e = element(p);
            if (group == 0x0004 && element == 0x1220) {
                long end = e.length == 0xFFFFFFFFL ? b.length : Math.min(b.length, e.valueStart + e.length);
                return new Result(items(e.valueStart, (int) end), ts);
            }
            p = skip(e);
        }
        throw new ScanException("no Directory Record Sequence (0004,1220)");
    }

    private String guessNoMeta(int p) {
        if (p + 6 > b.length) {
            return "1.2.840.10008.1.2";
        }
        boolean vrLooksExplicit = Character.isUpperCase(b[p + 4]) && Character.isUpperCase(b[p + 5]);
        if (!vrLooksExplicit) {
            return "1.2.840.10008.1.2";
        }
        return (b[p] == 0 && b[p + 1] != 0) ? "1.2.840.10008.1.2.2" : "1.2.840.10008.1.2.1";
    }

    private List<RawItem> items(int from, int end) throws ScanException {
        List<RawItem> items = new ArrayList<>();
        int p = from;
        long itemOffset = -1;
        int itemStart = -1;
        while (p + 8 <= end) {
            int group = u16(p);
            int element = u16(p + 2);
            if (group == 0xFFFE && element == 0xE000) {
                if (itemStart >= 0) {
                    items.add(new RawItem(itemOffset, itemStart, p));
                }
                itemOffset = p;
                itemStart = p + 8;
                p += 8;
            } else if (group == 0xFFFE && element == 0xE00D) {
                if (itemStart >= 0) {
                    items.add(new RawItem(itemOffset, itemStart, p));
                    itemStart = -1;
                }
                p += 8;
            } else if (group == 0xFFFE && element == 0xE0DD) {
                break;
            } else {
                if (itemStart < 0) {
                    throw new ScanException("element outside any record at byte " + p);
                }
                p = skip(element(p));
            }
        }
        if (itemStart >= 0) {
            items.add(new RawItem(itemOffset, itemStart, Math.min(p, end)));
        }
        return items;
    }

    private record Element(int valueStart, long length, boolean sequence) {
    }

    private Element element(int p) throws ScanException {
        if (p + 8 > b.length) {
            throw new ScanException("truncated element at byte " + p);
        }
        if (!explicit) {
            long length = u32(p + 4);
            return new Element(p + 8, length, length == 0xFFFFFFFFL);
        }
        String vr = vr(p + 4);
        if (LONG_VRS.contains(vr)) {
            if (p + 12 > b.length) {
                throw new ScanException("truncated element at byte " + p);
            }
            long length = u32(p + 8);
            return new Element(p + 12, length, vr.equals("SQ") || length == 0xFFFFFFFFL);
        }
        return new Element(p + 8, u16(p + 6), false);
    }

    /** Position after an element, descending into undefined-length sequences and items. */
    private int skip(Element e) throws ScanException {
        if (e.length != 0xFFFFFFFFL) {
            long next = e.valueStart + e.length;
            if (next > b.length) {
                throw new ScanException("element runs past the end of the file");
            }
            return (int) next;
        }
        int p = e.valueStart;
        while (p + 8 <= b.length) {
            int group = u16(p);
            int element = u16(p + 2);
            if (group == 0xFFFE && element == 0xE0DD) {
                return p + 8;
            }
            if (group == 0xFFFE && element == 0xE000) {
                long length = u32(p + 4);
                p = length == 0xFFFFFFFFL ? skipItem(p + 8) : (int) Math.min(b.length, p + 8 + length);
            } else {
                p = skip(element(p)); // encapsulated fragments or stray elements
            }
        }
        throw new ScanException("undefined-length sequence without end");
    }

    private int skipItem(int p) throws ScanException {
        while (p + 8 <= b.length) {
            if (u16(p) == 0xFFFE && u16(p + 2) == 0xE00D) {
                return p + 8;
            }
            p = skip(element(p));
        }
        throw new ScanException("undefined-length item without end");
    }

    private String vr(int p) {
        return new String(b, p, 2, StandardCharsets.ISO_8859_1);
    }

    private int u16(int p) {
        return bigEndian ? (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF) : u16le(p);
    }

    private int u16le(int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private long u32(int p) {
        if (bigEndian) {
            return ((long) (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF))
                    & 0xFFFFFFFFL;
        }
        return ((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (long) (b[p + 3] & 0xFF) << 24)
                & 0xFFFFFFFFL;
    }
}
