package org.importdesk.engine.dicom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a DICOM header up to (never into) the top-level pixel data and indexes its elements without decoding them.
 * Explicit and implicit VR, little and big endian, deflated data sets, undefined lengths, UN sequences. Anything it
 * does not understand is a {@link FormatException}; the caller then asks PixelMed.
 */
final class LazyHeaderReader {
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
    static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");
    private static final Set<String> VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO",
            "LT", "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI",
            "UL", "UN", "UR", "US", "UT", "UV");
    private static final int MAX_DEPTH = 32;
    /** The canonical VR string for each two-byte code, so that no string is made per element. */
    private static final String[] CANONICAL_VR = new String[1 << 16];

    static {
        for (String vr : VRS) {
            CANONICAL_VR[(vr.charAt(0) & 0xFF) << 8 | (vr.charAt(1) & 0xFF)] = vr;
        }
    }

    static final class FormatException extends Exception {
        FormatException(String message) {
            super(message, null, false, false);
        }
    }

    /** @param pixelDataEnd where the top-level pixel data's value ends by its length (-1: undefined or unknown) */
    record Header(RawAttributes attributes, String transferSyntaxUid, boolean pixelData, long pixelDataEnd) {
    }

    private record Encoding(boolean explicit, boolean bigEndian) {
    }

    private ByteSource src;
    private boolean pixelData;
    private long pixelDataEnd = -1;
    private boolean deflated;

    /**
     * @param head     the first bytes of the file, already read from {@code in}
     * @param fileSize the file's size, to refuse lengths that cannot fit
     */
    static Header read(InputStream in, byte[] head, DicomSniffer.Sniff sniff, long fileSize)
            throws IOException, FormatException {
        return new LazyHeaderReader().run(in, head, sniff, fileSize);
    }

    private Header run(InputStream in, byte[] head, DicomSniffer.Sniff sniff, long fileSize)
            throws IOException, FormatException {
        src = ByteSource.pooled(in, head, head.length, fileSize);
        RawAttributes top = new RawAttributes(null);
        int pos = sniff.preamble() ? 132 : 0;
        String ts;
        src.ensure(pos + 8);
        if (u16(pos, false) == 0x0002) {
            pos = parse(top, pos, -1, new Encoding(true, false), 0, true);
            ts = top.string(0x00020010);
            if (ts.isEmpty()) {
                ts = guessAfterMeta(pos);
            }
        } else {
            ts = switch (sniff.layout()) {
                case "no meta header, explicit VR big endian" -> EXPLICIT_BE;
                case "no meta header, explicit VR little endian" -> EXPLICIT_LE;
                default -> IMPLICIT_LE;
            };
        }
        Encoding encoding = switch (ts) {
            case IMPLICIT_LE -> new Encoding(false, false);
            case EXPLICIT_BE -> new Encoding(true, true);
            default -> new Encoding(true, false); // every other transfer syntax: explicit VR little endian
        };
        ByteSource metaSource = src;
        int metaEnd = pos;
        if (ts.equals(DEFLATED_LE)) {
            InputStream rest = new SequenceInputStream(new ByteArrayInputStream(src.rest(pos)), in);
            src = new ByteSource(new InflaterInputStream(rest, new Inflater(true)), new byte[0], 0, -1);
            pos = 0;
            deflated = true;
        }
        int end = pos;
        if (src.available(pos + 1)) {
            end = parse(top, pos, -1, encoding, 0, false);
        }
        if (metaSource != src) {
            metaSource.trim(metaEnd);
        }
        src.trim(end);
        return new Header(top, ts, pixelData, pixelDataEnd);
    }

    /** Meta header without a transfer syntax: look at the first data set element. */
    private String guessAfterMeta(int pos) throws IOException {
        if (!src.available(pos + 6)) {
            return EXPLICIT_LE;
        }
        String vr = new String(src.buf, pos + 4, 2, StandardCharsets.ISO_8859_1);
        return VRS.contains(vr) ? EXPLICIT_LE : IMPLICIT_LE;
    }

    /**
     * Parses elements into {@code into} from {@code pos} until {@code end} (exclusive, -1: until an item delimiter
     * or the end of the data). {@code metaOnly}: stop at the first element past group 0002.
     * Returns the position after the last element (after the item delimiter, if one ended it).
     */
    private int parse(RawAttributes into, int pos, long end, Encoding enc, int depth, boolean metaOnly)
            throws IOException, FormatException {
        if (depth > MAX_DEPTH) {
            throw new FormatException("sequences nested too deep");
        }
        while (end < 0 || pos < end) {
            if (!src.available(pos + 8)) {
                if (end < 0 && depth == 0 && src.length == pos) {
                    return pos; // the data set ends with the file
                }
                src.ensure(pos + 8); // throws: truncated
            }
            int group = u16(pos, enc.bigEndian());
            int element = u16(pos + 2, enc.bigEndian());
            if (metaOnly && group != 0x0002) {
                return pos;
            }
            if (group == 0xFFFE) {
                if (element == 0xE00D && end < 0 && depth > 0) {
                    return pos + 8;
                }
                if (element == 0xE00D || element == 0xE0DD) {
                    pos += 8; // stray delimiter: skip, as most toolkits do
                    continue;
                }
                throw new FormatException(String.format("unexpected item tag (FFFE,%04X) at byte %d", element, pos));
            }
            if (depth == 0 && (group == 0x7FE0 || group == 0xFFFC)) {
                pixelData = group == 0x7FE0;
                if (pixelData && !deflated) {
                    src.ensure(pos + 8); // a file cut inside the pixel data element's header is truncated
                    boolean longForm = enc.explicit() && LONG_VRS.contains(new String(src.buf, pos + 4, 2,
                            StandardCharsets.ISO_8859_1));
                    if (longForm) {
                        src.ensure(pos + 12);
                    }
                    long length = longForm ? u32(pos + 8, enc.bigEndian()) : enc.explicit()
                            ? u16(pos + 6, enc.bigEndian()) : u32(pos + 4, enc.bigEndian());
                    pixelDataEnd = length == UNDEFINED ? -1 : pos + (longForm ? 12 : 8) + length;
                }
                return pos;
            }
            int tag = group << 16 | element;
            if (depth == 0 && tag == DicomTag.DIRECTORY_RECORD_SEQUENCE) {
                return pos; // a DICOMDIR's records are read by the directory reader, not here
            }
            String vr;
            long length;
            int valueStart;
            String explicitVr = enc.explicit() || group == 0x0002
                    ? CANONICAL_VR[(src.buf[pos + 4] & 0xFF) << 8 | (src.buf[pos + 5] & 0xFF)] : null;
            if (explicitVr != null) {
                vr = explicitVr;
                if (LONG_VRS.contains(vr)) {
                    src.ensure(pos + 12);
                    length = u32(pos + 8, enc.bigEndian());
                    valueStart = pos + 12;
                } else {
                    length = u16(pos + 6, enc.bigEndian());
                    valueStart = pos + 8;
                }
            } else {
                // implicit VR, or an implicit element inside explicit data (a known writer bug)
                vr = implicitVr(tag);
                length = u32(pos + 4, enc.bigEndian());
                valueStart = pos + 8;
            }
            boolean encodedAsUn = vr.equals("UN");
            if (encodedAsUn && length != UNDEFINED && (group & 1) == 0) {
                vr = implicitVr(tag); // explicit UN for a standard attribute: decode it as the dictionary says
            }
            if (vr.equals("SQ") && length != UNDEFINED) {
                src.ensure(valueStart + length);
                Encoding itemEncoding = encodedAsUn ? new Encoding(false, false) : enc;
                into.add(new RawAttributes.Element(tag, "SQ", src, valueStart, 0, enc.bigEndian(), null,
                        new DeferredSequence(src, into, valueStart, length, itemEncoding, depth + 1)));
                pos = (int) (valueStart + length);
            } else if (vr.equals("SQ") || (length == UNDEFINED && !(group == 0x7FE0 && element == 0x0010))) {
                Encoding itemEncoding = encodedAsUn ? new Encoding(false, false) : enc;
                List<RawAttributes> items = new ArrayList<>();
                pos = parseItems(into, items, valueStart, length, itemEncoding, depth + 1);
                into.add(new RawAttributes.Element(tag, "SQ", src, valueStart, 0, enc.bigEndian(), items));
            } else if (length == UNDEFINED) {
                pos = skipFragments(valueStart, enc);
                into.add(new RawAttributes.Element(tag, vr, src, valueStart, 0, enc.bigEndian(), null));
            } else {
                src.ensure(valueStart + length);
                into.add(new RawAttributes.Element(tag, vr, src, valueStart, (int) length, enc.bigEndian(), null));
                pos = (int) (valueStart + length);
            }
        }
        return pos;
    }

    /** A defined-length sequence whose bytes are in memory: parsed on first use; damage there gives no items. */
    private static final class DeferredSequence implements RawAttributes.LazySequence {
        private final ByteSource source;
        private final RawAttributes parent;
        private final int start;
        private final long length;
        private final Encoding encoding;
        private final int depth;
        private volatile List<RawAttributes> items;

        DeferredSequence(ByteSource source, RawAttributes parent, int start, long length, Encoding encoding, int depth) {
            this.source = source;
            this.parent = parent;
            this.start = start;
            this.length = length;
            this.encoding = encoding;
            this.depth = depth;
        }

        @Override
        public List<RawAttributes> items() {
            List<RawAttributes> out = items;
            if (out == null) {
                synchronized (this) {
                    if (items == null) {
                        List<RawAttributes> parsed = new ArrayList<>();
                        LazyHeaderReader reader = new LazyHeaderReader();
                        reader.src = source;
                        try {
                            reader.parseItems(parent, parsed, start, length, encoding, depth);
                        } catch (IOException | FormatException | RuntimeException e) {
                            parsed = List.of(); // the header was usable without it
                        }
                        items = List.copyOf(parsed);
                    }
                    out = items;
                }
            }
            return out;
        }
    }

    private int parseItems(RawAttributes parent, List<RawAttributes> items, int pos, long length, Encoding enc,
                           int depth) throws IOException, FormatException {
        long end = length == UNDEFINED ? -1 : pos + length;
        while (end < 0 || pos < end) {
            src.ensure(pos + 8);
            int group = u16(pos, enc.bigEndian());
            int element = u16(pos + 2, enc.bigEndian());
            if (group != 0xFFFE) {
                throw new FormatException(String.format("expected an item in a sequence at byte %d", pos));
            }
            if (element == 0xE0DD) {
                return pos + 8;
            }
            if (element == 0xE00D) {
                pos += 8;
                continue;
            }
            long itemLength = u32(pos + 4, enc.bigEndian());
            RawAttributes item = new RawAttributes(parent);
            pos = parse(item, pos + 8, itemLength == UNDEFINED ? -1 : pos + 8 + itemLength, enc, depth, false);
            items.add(item);
        }
        return pos;
    }

    /** Encapsulated pixel data inside an item (an icon): skip its fragments. */
    private int skipFragments(int pos, Encoding enc) throws IOException, FormatException {
        while (true) {
            src.ensure(pos + 8);
            int group = u16(pos, enc.bigEndian());
            int element = u16(pos + 2, enc.bigEndian());
            long length = u32(pos + 4, enc.bigEndian());
            if (group != 0xFFFE) {
                throw new FormatException("bad encapsulated fragment at byte " + pos);
            }
            if (element == 0xE0DD) {
                return pos + 8;
            }
            src.ensure(pos + 8 + length);
            pos = (int) (pos + 8 + length);
        }
    }

    private static String implicitVr(int tag) {
        int group = tag >>> 16;
        int element = tag & 0xFFFF;
        if (element == 0x0000) {
            return "UL"; // group length
        }
        if ((group & 1) == 1) {
            return element >= 0x0010 && element <= 0x00FF ? "LO" : "UN"; // private creator, private data
        }
        return ImplicitVrTable.vr(tag);
    }

    private int u16(int p, boolean bigEndian) {
        byte[] b = src.buf;
        return bigEndian ? (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF) : (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private long u32(int p, boolean bigEndian) {
        byte[] b = src.buf;
        long v = bigEndian
                ? (long) (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF)
                : (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (long) (b[p + 3] & 0xFF) << 24;
        return v & 0xFFFFFFFFL;
    }
}
