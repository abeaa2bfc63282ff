package org.importdesk.engine.classify;

import java.util.Map;

/** The modality an image storage SOP class implies, for series whose Modality is OT or missing. */
final class SopClassModality {

    private static final String P = "1.2.840.10008.5.1.4.1.1.";
    private static final Map<String, String> BY_UID = Map.ofEntries(
            Map.entry(P + "1", "CR"), Map.entry(P + "1.1", "DX"), Map.entry(P + "1.1.1", "DX"),
            Map.entry(P + "1.2", "MG"), Map.entry(P + "1.2.1", "MG"), Map.entry(P + "13.1.3", "MG"),
            Map.entry(P + "2", "CT"), Map.entry(P + "2.1", "CT"), Map.entry(P + "2.2", "CT"),
            Map.entry(P + "4", "MR"), Map.entry(P + "4.1", "MR"), Map.entry(P + "4.4", "MR"),
            Map.entry(P + "6.1", "US"), Map.entry(P + "6.2", "US"), Map.entry(P + "3.1", "US"),
            Map.entry(P + "12.1", "XA"), Map.entry(P + "12.1.1", "XA"), Map.entry(P + "12.2", "RF"),
            Map.entry(P + "12.2.1", "RF"), Map.entry(P + "20", "NM"), Map.entry(P + "128", "PT"),
            Map.entry(P + "130", "PT"));

    static String of(String sopClassUid) {
        return sopClassUid == null ? null : BY_UID.get(sopClassUid.trim());
    }

    private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    private static final int CONVERSION_TYPE = 0x00080064;
    private static final int SAMPLES_PER_PIXEL = 0x00280002;

    /**
     * A secondary capture digitised from video (Conversion Type DV) in colour is a frame grab from an ultrasound
     * machine's video output, the one radiology modality that is routinely captured that way; null otherwise.
     */
    static String ofVideoCapture(org.importdesk.engine.media.InstanceRecord instance) {
        if (instance.header() == null || !SECONDARY_CAPTURE.equals(String.valueOf(instance.sopClassUid()).trim())) {
            return null;
        }
        var a = instance.header().attributes();
        boolean video = "DV".equalsIgnoreCase(a.string(CONVERSION_TYPE).trim());
        return video && a.integer(SAMPLES_PER_PIXEL).orElse(1) == 3 ? "US" : null;
    }

    private SopClassModality() {
    }
}
