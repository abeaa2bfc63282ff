package org.importdesk.mapping;

/**
 * A word or phrase that names a class. {@code scope} says which texts it may match: study-level texts (study
 * description, requested procedure), series-level texts (series description, body part, protocol) or both.
 */
public record Keyword(String classCode, String text, String language, Scope scope) {

    public enum Scope {
        STUDY, SERIES, BOTH;

        public boolean study() {
            return this != SERIES;
        }

        public boolean series() {
            return this != STUDY;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Scope parse(String s) {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
