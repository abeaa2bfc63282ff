package org.importdesk.mapping;

/** A problem found in mapping content. Errors refuse a save; warnings are reported. */
public record ValidationFinding(Severity severity, String table, String message) {
    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        return severity + " " + table + ": " + message;
    }
}
