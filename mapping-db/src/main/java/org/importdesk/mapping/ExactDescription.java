package org.importdesk.mapping;

/** A study description that, once normalised, means exactly one class. */
public record ExactDescription(String description, String classCode) {
}
