package org.importdesk.engine.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The VR of each standard attribute, for data sets in implicit VR. A small table loaded in milliseconds (PixelMed's
 * XML dictionary costs a fifth of a second of CPU per start, a good part of a short scan).
 */
final class ImplicitVrTable {
    private static final Map<Integer, String> VRS = load();

    private ImplicitVrTable() {
    }

    /** The VR of a standard tag; "UN" when unknown. Ambiguous ones resolve as media files use them (US, OW). */
    static String vr(int tag) {
        String vr = VRS.get(tag);
        if (vr == null) {
            int group = tag >>> 16;
            if ((group & 0xFF00) == 0x5000 || (group & 0xFF00) == 0x6000) {
                vr = VRS.get((group & 0xFF00) << 16 | (tag & 0xFFFF)); // repeating groups: overlays, curves
            }
        }
        if (vr == null) {
            return "UN";
        }
        return switch (vr) {
            case "XS" -> "US";
            case "OX" -> "OW";
            case "NO" -> "UN";
            default -> vr;
        };
    }

    private static Map<Integer, String> load() {
        Map<Integer, String> map = new HashMap<>(8192);
        try (InputStream in = ImplicitVrTable.class.getResourceAsStream("implicit-vr.txt")) {
            if (in == null) {
                throw new IllegalStateException("implicit-vr.txt missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.length() >= 11 && line.charAt(0) != '#') {
                    map.put((int) Long.parseLong(line.substring(0, 8), 16), line.substring(9, 11));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}
