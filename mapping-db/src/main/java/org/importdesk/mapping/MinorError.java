package org.importdesk.mapping;

/** Predicting {@code predictedClass} for a study of {@code trueClass} is a minor error: right, but too general. */
public record MinorError(String trueClass, String predictedClass) {
}
