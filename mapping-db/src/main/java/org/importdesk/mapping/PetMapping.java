package org.importdesk.mapping;

/** For PET studies: the CT or MR region class found for the study and the PET class it becomes. */
public record PetMapping(String regionClass, String petClass) {
}
