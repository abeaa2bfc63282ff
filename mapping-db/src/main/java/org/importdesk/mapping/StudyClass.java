package org.importdesk.mapping;

/** One of the hospital's study classes (e.g. CTAB "CT Abdomen"). {@code modality} is the class family's modality. */
public record StudyClass(String code, String nameEn, String nameDe, String modality, boolean active) {
}
