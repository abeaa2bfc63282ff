package org.importdesk.engine.config;

/**
 * When a classified study may go to the PACS without a person confirming it: only when enabled and every series'
 * confidence reaches the minimum.
 */
public record AutoSendPolicy(boolean enabled, double minimumConfidence) {
    public AutoSendPolicy {
        if (Double.isNaN(minimumConfidence) || minimumConfidence < 0 || minimumConfidence > 1) {
            throw new IllegalArgumentException("minimum confidence " + minimumConfidence + " is outside 0..1");
        }
    }

    public static AutoSendPolicy off() {
        return new AutoSendPolicy(false, 1.0);
    }

    public boolean allows(double confidence) {
        return enabled && confidence >= minimumConfidence;
    }
}
