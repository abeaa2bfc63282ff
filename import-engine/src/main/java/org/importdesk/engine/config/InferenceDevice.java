package org.importdesk.engine.config;

import java.util.Locale;

/** Where the networks run. GPU needs the CUDA build of the package; CPU works everywhere. */
public enum InferenceDevice {
    CPU, GPU;

    public static InferenceDevice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is neither CPU nor GPU");
        }
    }
}
