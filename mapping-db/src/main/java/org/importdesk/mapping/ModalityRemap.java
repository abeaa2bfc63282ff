package org.importdesk.mapping;

/**
 * A study of DICOM modality {@code sourceModality} may take the classes of {@code targetModality}; classes of a
 * lower priority number are tried first (e.g. DX to CR at 1; RF to RF at 1 and to XA at 2).
 */
public record ModalityRemap(String sourceModality, String targetModality, int priority) {
}
