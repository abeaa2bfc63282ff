package org.importdesk.engine.dicom;

import com.pixelmed.dicom.SOPClassDescriptions;

import java.util.Map;
import java.util.Optional;

/** Names of transfer syntaxes and SOP classes, and whether the workstation can show an object's pixels. */
public final class DicomUids {
    public static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";

    private static final Map<String, String> TRANSFER_SYNTAXES = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2", "Implicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.1", "Explicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.2", "Explicit VR Big Endian"),
            Map.entry("1.2.840.10008.1.2.4.50", "JPEG Baseline"),
            Map.entry("1.2.840.10008.1.2.4.51", "JPEG Extended (12-bit)"),
            Map.entry("1.2.840.10008.1.2.4.57", "JPEG Lossless"),
            Map.entry("1.2.840.10008.1.2.4.70", "JPEG Lossless SV1"),
            Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
            Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
            Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless"),
            Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000"),
            Map.entry("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Lossless"),
            Map.entry("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2"),
            Map.entry("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile"),
            Map.entry("1.2.840.10008.1.2.4.101", "MPEG2 High Level"),
            Map.entry("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264"),
            Map.entry("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD"),
            Map.entry("1.2.840.10008.1.2.4.201", "HTJ2K Lossless"),
            Map.entry("1.2.840.10008.1.2.4.202", "HTJ2K Lossless RPCL"),
            Map.entry("1.2.840.10008.1.2.4.203", "HTJ2K"),
            Map.entry("1.2.840.10008.1.2.5", "RLE Lossless"));

    /** Transfer syntaxes whose pixels the stack decodes (see stack-facts: PixelMed + jai-imageio JPEG 2000). */
    private static final java.util.Set<String> DECODABLE = java.util.Set.of("1.2.840.10008.1.2",
            "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.4.50",
            "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
            "1.2.840.10008.1.2.5");

    private DicomUids() {
    }

    public static String transferSyntaxName(String uid) {
        return TRANSFER_SYNTAXES.getOrDefault(uid, uid == null || uid.isEmpty() ? "unknown" : uid);
    }

    public static String sopClassName(String uid) {
        if (uid == null || uid.isEmpty()) {
            return "unknown SOP class";
        }
        String d = SOPClassDescriptions.getDescriptionFromUID(uid);
        return d == null || d.isEmpty() ? uid : d;
    }

    /**
     * Why an object's pixels cannot be shown, or empty when they can.
     *
     * @param bitsAllocated for JPEG Extended, where only 8-bit is decodable; 0 when unknown
     */
    public static Optional<String> whyNotPreviewable(String sopClassUid, String transferSyntaxUid, boolean hasPixelData,
                                                     int bitsAllocated) {
        if (!hasPixelData) {
            return Optional.of("no pixel data (" + sopClassName(sopClassUid) + ")");
        }
        if ("1.2.840.10008.1.2.4.51".equals(transferSyntaxUid)) {
            return bitsAllocated > 8 ? Optional.of("12-bit lossy JPEG: no decoder") : Optional.empty();
        }
        if (DECODABLE.contains(transferSyntaxUid)) {
            return Optional.empty();
        }
        if (TRANSFER_SYNTAXES.containsKey(transferSyntaxUid)) {
            return Optional.of(transferSyntaxName(transferSyntaxUid) + ": no decoder");
        }
        return Optional.of("unknown transfer syntax " + (transferSyntaxUid.isEmpty() ? "(none)" : transferSyntaxUid));
    }
}
