package org.importdesk.engine.dicom;

import com.pixelmed.dicom.SpecificCharacterSet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link DicomAttributes} over the undecoded bytes of a header, decoded only when asked (as pydicom does): indexing a
 * header costs microseconds, so a medium's headers can be read quickly. Text is decoded with the Specific Character
 * Set of the data set or of the enclosing one (PixelMed's character set tables).
 */
final class RawAttributes implements DicomAttributes {
    private static final Set<String> TEXT = Set.of("AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH",
            "ST", "TM", "UC", "UI", "UR", "UT");
    private static final Set<String> CHARSET_TEXT = Set.of("LO", "LT", "PN", "SH", "ST", "UC", "UT");
    private static final Set<String> SINGLE_VALUED_TEXT = Set.of("LT", "ST", "UT", "UR");

    /** One element: value in {@code source.buf[offset, offset + length)}, or items for a sequence. */
    record Element(int tag, String vr, ByteSource source, int offset, int length, boolean bigEndian,
                   List<RawAttributes> items, LazySequence lazy) {
        Element(int tag, String vr, ByteSource source, int offset, int length, boolean bigEndian,
                List<RawAttributes> items) {
            this(tag, vr, source, offset, length, bigEndian, items, null);
        }

        boolean isSequence() {
            return items != null || lazy != null;
        }
    }

    /** A sequence of defined length, parsed only when someone asks for its items. */
    interface LazySequence {
        List<RawAttributes> items();
    }

    private final List<Element> elements = new ArrayList<>(8);
    private final RawAttributes parent;
    private volatile Element[] sorted; // built on first use, by whichever thread asks first
    private volatile SpecificCharacterSet charset;

    RawAttributes(RawAttributes parent) {
        this.parent = parent;
    }

    void add(Element e) {
        elements.add(e);
        sorted = null;
    }

    int size() {
        return elements.size();
    }

    private Element get(int tag) {
        Element[] index = sorted;
        if (index == null) {
            index = elements.toArray(new Element[0]);
            // stable: of two elements with one tag (a damaged file), the first wins, as PixelMed's reading does not
            java.util.Arrays.sort(index, (a, b) -> Integer.compareUnsigned(a.tag(), b.tag()));
            sorted = index;
        }
        int lo = 0;
        int hi = index.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(index[mid].tag(), tag);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                while (mid > 0 && index[mid - 1].tag() == tag) {
                    mid--;
                }
                return index[mid];
            }
        }
        return null;
    }

    @Override
    public boolean contains(int tag) {
        return get(tag) != null;
    }

    @Override
    public String string(int tag) {
        List<String> values = strings(tag);
        return values.isEmpty() ? "" : values.get(0);
    }

    @Override
    public List<String> strings(int tag) {
        Element e = get(tag);
        if (e == null || e.isSequence()) {
            return List.of();
        }
        if (TEXT.contains(e.vr())) {
            String text = decodeText(e);
            if (text.isEmpty()) {
                return List.of();
            }
            if (SINGLE_VALUED_TEXT.contains(e.vr())) {
                return List.of(trim(text));
            }
            String[] parts = text.split("\\\\", -1);
            List<String> out = new ArrayList<>(parts.length);
            for (String p : parts) {
                out.add(trim(p));
            }
            while (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
                out.remove(out.size() - 1); // "DERIVED\\PRIMARY\\" has two values, as PixelMed reads it
            }
            return Collections.unmodifiableList(out);
        }
        double[] numbers = binaryNumbers(e);
        if (numbers == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(numbers.length);
        boolean integral = !e.vr().equals("FL") && !e.vr().equals("FD") && !e.vr().equals("OF") && !e.vr().equals("OD");
        for (double d : numbers) {
            out.add(integral ? Long.toString((long) d) : Double.toString(d));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public OptionalInt integer(int tag) {
        double[] values = decimals(tag);
        return values.length == 0 ? OptionalInt.empty() : OptionalInt.of((int) values[0]);
    }

    @Override
    public OptionalDouble decimal(int tag) {
        double[] values = decimals(tag);
        return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(values[0]);
    }

    @Override
    public double[] decimals(int tag) {
        Element e = get(tag);
        if (e == null || e.isSequence()) {
            return new double[0];
        }
        if (e.vr().equals("DS") || e.vr().equals("IS")) {
            List<String> texts = strings(tag);
            double[] out = new double[texts.size()];
            int n = 0;
            for (String t : texts) {
                if (t.isEmpty()) {
                    continue;
                }
                try {
                    out[n++] = Double.parseDouble(t);
                } catch (NumberFormatException ex) {
                    return new double[0];
                }
            }
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        }
        double[] numbers = binaryNumbers(e);
        return numbers == null ? new double[0] : numbers;
    }

    @Override
    public List<DicomAttributes> sequence(int tag) {
        Element e = get(tag);
        if (e == null || !e.isSequence()) {
            return List.of();
        }
        return Collections.unmodifiableList(e.items() != null ? e.items() : e.lazy().items());
    }

    @Override
    public byte[] bytes(int tag) {
        Element e = get(tag);
        if (e == null || e.isSequence() || e.length() <= 0) {
            return new byte[0];
        }
        byte[] out = java.util.Arrays.copyOfRange(e.source().buf, e.offset(), e.offset() + e.length());
        int width = e.bigEndian() ? width(e.vr()) : 1;
        if (width > 1) {
            for (int i = 0; i + width <= out.length; i += width) {
                for (int a = i, b = i + width - 1; a < b; a++, b--) {
                    byte t = out[a];
                    out[a] = out[b];
                    out[b] = t;
                }
            }
        }
        return out;
    }

    @Override
    public boolean isEmpty() {
        return elements.isEmpty();
    }

    @Override
    public Set<Integer> tags() {
        Set<Integer> out = new TreeSet<>();
        elements.forEach(e -> out.add(e.tag()));
        return out;
    }

    private String decodeText(Element e) {
        byte[] b = e.source().buf;
        int len = e.length();
        while (len > 0 && (b[e.offset() + len - 1] == 0 || b[e.offset() + len - 1] == ' ')) {
            len--;
        }
        if (len == 0) {
            return "";
        }
        if (!CHARSET_TEXT.contains(e.vr()) || !hasNonAscii(b, e.offset(), len)) {
            return new String(b, e.offset(), len, StandardCharsets.ISO_8859_1);
        }
        SpecificCharacterSet cs = characterSet();
        if (cs == null) {
            return new String(b, e.offset(), len, StandardCharsets.ISO_8859_1);
        }
        // PixelMed's translateByteArrayToString ignores a non-zero offset: hand it a copy
        return cs.translateByteArrayToString(java.util.Arrays.copyOfRange(b, e.offset(), e.offset() + len), 0, len);
    }

    private static boolean hasNonAscii(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0 || b[i] == 0x1B) {
                return true;
            }
        }
        return false;
    }

    private SpecificCharacterSet characterSet() {
        if (charset == null) {
            Element own = get(DicomTag.SPECIFIC_CHARACTER_SET);
            if (own != null) {
                List<String> values = new ArrayList<>();
                String text = new String(own.source().buf, own.offset(), own.length(), StandardCharsets.ISO_8859_1);
                for (String v : text.split("\\\\", -1)) {
                    // a common misspelling ("ISO-IR 100") that decoders otherwise ignore
                    values.add(trim(v).toUpperCase().replace("ISO-IR", "ISO_IR"));
                }
                charset = new SpecificCharacterSet(values.toArray(new String[0]));
            } else if (parent != null) {
                charset = parent.characterSet();
            }
        }
        return charset;
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == 0)) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(start, end);
    }

    private static int width(String vr) {
        return switch (vr) {
            case "OW", "US", "SS", "AT" -> 2;
            case "OL", "UL", "SL", "OF", "FL" -> 4;
            case "OD", "FD", "SV", "UV", "OV" -> 8;
            default -> 1;
        };
    }

    private static double[] binaryNumbers(Element e) {
        int w = width(e.vr());
        if (w == 1 || e.vr().equals("OW") || e.vr().equals("OL") || e.vr().equals("OV")) {
            return null;
        }
        int n = e.length() / w;
        double[] out = new double[n];
        byte[] b = e.source().buf;
        for (int i = 0; i < n; i++) {
            int p = e.offset() + i * w;
            long raw = 0;
            for (int k = 0; k < w; k++) {
                int shift = e.bigEndian() ? (w - 1 - k) * 8 : k * 8;
                raw |= (long) (b[p + k] & 0xFF) << shift;
            }
            out[i] = switch (e.vr()) {
                case "US" -> raw & 0xFFFF;
                case "SS" -> (short) raw;
                case "UL" -> raw & 0xFFFFFFFFL;
                case "SL" -> (int) raw;
                case "FL", "OF" -> Float.intBitsToFloat((int) raw);
                case "FD", "OD" -> Double.longBitsToDouble(raw);
                case "SV" -> raw;
                case "UV" -> raw; // beyond 2^63 is never a count on a medium
                case "AT" -> raw;
                default -> 0;
            };
        }
        return out;
    }
}
