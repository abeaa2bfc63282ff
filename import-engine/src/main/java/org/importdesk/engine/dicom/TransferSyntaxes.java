package org.importdesk.engine.dicom;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Transfer syntax UIDs the sender knows about. */
public final class TransferSyntaxes {
    public static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    public static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    public static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
    public static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";

    private TransferSyntaxes() {
    }

    /** Uncompressed native encodings that can be converted into one another without touching pixel values. */
    public static boolean isNative(String uid) {
        return IMPLICIT_LE.equals(uid) || EXPLICIT_LE.equals(uid) || EXPLICIT_BE.equals(uid) || DEFLATED_LE.equals(uid);
    }

    /** What to propose for an instance: its own transfer syntax first, then explicit and implicit little endian. */
    public static List<String> proposalFor(String own) {
        Set<String> out = new LinkedHashSet<>();
        if (own != null && !own.isBlank()) {
            out.add(own);
        }
        out.add(EXPLICIT_LE);
        out.add(IMPLICIT_LE);
        return List.copyOf(out);
    }
}
