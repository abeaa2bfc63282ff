package org.importdesk.engine.dicom;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Decides from a file's first bytes whether it is DICOM, before any parser sees it: PixelMed "reads" a text file as
 * an empty data set, so this check comes first. Recognises the 128-byte preamble with "DICM", and files without
 * preamble or meta header by a plausible first element (group 0002 or 0008 with a valid explicit VR, or an implicit
 * VR length that fits the file).
 */
public final class DicomSniffer {
    /** How many bytes {@link #sniff} wants to see (fewer is fine for short files). */
    public static final int HEAD_LENGTH = 256;

    private static final Set<String> VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO",
            "LT", "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI",
            "UL", "UN", "UR", "US", "UT", "UV");

    /** The result: whether the file is DICOM, how it starts, and for anything else what it looks like instead. */
    public record Sniff(boolean dicom, boolean preamble, String layout, String reason) {
        static Sniff dicom(boolean preamble, String layout) {
            return new Sniff(true, preamble, layout, "");
        }

        static Sniff notDicom(String reason) {
            return new Sniff(false, false, "", reason);
        }
    }

    private DicomSniffer() {
    }

    /**
     * @param head     the file's first bytes (up to {@link #HEAD_LENGTH})
     * @param length   how many of them are valid
     * @param fileSize the whole file's size, for the plausibility of an implicit VR length
     */
    public static Sniff sniff(byte[] head, int length, long fileSize) {
        if (length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            return Sniff.dicom(true, "preamble and meta header");
        }
        if (length < 8) {
            return Sniff.notDicom(length == 0 ? "not DICOM: empty file" : "not DICOM: only " + length + " bytes");
        }
        int groupLe = u16le(head, 0);
        int elementLe = u16le(head, 2);
        boolean explicitVr = VRS.contains(new String(head, 4, 2, StandardCharsets.ISO_8859_1));
        if (groupLe == 0x0002 && explicitVr) {
            return Sniff.dicom(false, "meta header without preamble");
        }
        if (groupLe == 0x0008 || groupLe == 0x0002) {
            if (explicitVr) {
                return Sniff.dicom(false, "no meta header, explicit VR little endian");
            }
            long implicitLength = u32le(head, 4);
            if (elementLe <= 0x1200 && (implicitLength == 0xFFFFFFFFL || implicitLength <= fileSize - 8)) {
                return Sniff.dicom(false, "no meta header, implicit VR little endian");
            }
        }
        int groupBe = u16be(head, 0);
        if ((groupBe == 0x0008 || groupBe == 0x0002) && explicitVr) {
            return Sniff.dicom(false, "no meta header, explicit VR big endian");
        }
        return Sniff.notDicom("not DICOM: " + whatItLooksLike(head, length));
    }

    /** A short guess at a non-DICOM file's kind, for the message shown to users. */
    static String whatItLooksLike(byte[] h, int n) {
        if (n >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF) {
            return "JPEG image";
        }
        if (startsWith(h, n, new byte[]{(byte) 0x89, 'P', 'N', 'G'})) {
            return "PNG image";
        }
        if (startsWith(h, n, "GIF8".getBytes(StandardCharsets.US_ASCII))) {
            return "GIF image";
        }
        if (startsWith(h, n, "%PDF".getBytes(StandardCharsets.US_ASCII))) {
            return "PDF document";
        }
        if (startsWith(h, n, new byte[]{'P', 'K', 3, 4})) {
            return "ZIP archive";
        }
        if (startsWith(h, n, new byte[]{0x1F, (byte) 0x8B})) {
            return "gzip compressed data";
        }
        if (startsWith(h, n, new byte[]{'M', 'Z'})) {
            return "Windows program";
        }
        if (startsWith(h, n, new byte[]{0x7F, 'E', 'L', 'F'})) {
            return "ELF program";
        }
        String text = new String(h, 0, Math.min(n, 64), StandardCharsets.ISO_8859_1).stripLeading().toLowerCase();
        if (text.startsWith("<!doctype html") || text.startsWith("<html") || text.startsWith("<?xml")) {
            return "HTML or XML document";
        }
        return looksLikeText(h, n) ? "text file" : "unknown content";
    }

    private static boolean looksLikeText(byte[] h, int n) {
        for (int i = 0; i < n; i++) {
            int b = h[i] & 0xFF;
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] h, int n, byte[] prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (h[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int u16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static long u32le(byte[] b, int i) {
        return (u16le(b, i) | (long) u16le(b, i + 2) << 16) & 0xFFFFFFFFL;
    }
}
