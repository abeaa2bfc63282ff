package org.importdesk.engine.classify;

import java.util.Locale;

/** How metadata and network votes combine (for ablation; the paper's variants). */
public enum ClassifierMode {
    /** layers 1-4: procedure code, exact description, keywords, series metadata votes; no network */
    METADATA,
    /** layers 1-4, then the network's votes when metadata found nothing (the paper's L5) */
    NETWORK_LAST,
    /** layers 1-2, then one weighted vote of study description, series metadata and network */
    MERGED,
    /** the network's votes only */
    NETWORK;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ClassifierMode parse(String s) {
        for (ClassifierMode m : values()) {
            if (m.label().equalsIgnoreCase(s.trim()) || m.name().equalsIgnoreCase(s.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + s + "' (metadata, network-last, merged, network)");
    }
}
