package org.importdesk.mapping;

/**
 * SERIES: a series whose description contains the text takes no part in the votes (localizers, dose reports).
 * REDUCE: the text is removed from every text before matching.
 */
public record BlacklistEntry(Kind kind, String text) {
    public enum Kind { SERIES, REDUCE }
}
