package org.importdesk.engine.config;

/** One thing wrong in a configuration file: the file (or "built-in defaults"), the key and what is wrong. */
public record ConfigProblem(String where, String key, String message) {
    @Override
    public String toString() {
        return where + ": " + key + ": " + message;
    }
}
