package org.importdesk.engine.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Which network reads a series of a given modality (MOMO's split mode): CR (and DX) radiographs, CT, MR, US and XA
 * (and RF) each have their own; MG has a single class (mammography) and needs none; PET images are not read at all:
 * in a PET study the CT or MR network reads the CT or MR series and its region class is mapped to the PET class.
 */
public final class ModalityNetworks {

    /** The mammography class: MG series vote for it without a network. */
    public static final String MAMMOGRAPHY = "MAM";

    private static final Map<String, String> PET_CLASSES = loadPetMap();

    private ModalityNetworks() {
    }

    /** The network modality for a series modality, or empty when no network reads it. */
    public static Optional<String> networkFor(String seriesModality) {
        if (seriesModality == null) {
            return Optional.empty();
        }
        return switch (seriesModality.trim().toUpperCase(Locale.ROOT)) {
            case "CR", "DX" -> Optional.of("CR");
            case "CT" -> Optional.of("CT");
            case "MR" -> Optional.of("MR");
            case "US" -> Optional.of("US");
            case "XA", "RF" -> Optional.of("XA");
            case "MG" -> Optional.of("MG");
            default -> Optional.empty();
        };
    }

    /** The PET class of a CT or MR region class (MOMO's PETMap), if there is one. */
    public static Optional<String> petClassFor(String regionClass) {
        return Optional.ofNullable(PET_CLASSES.get(regionClass));
    }

    public static Map<String, String> petClasses() {
        return PET_CLASSES;
    }

    private static Map<String, String> loadPetMap() {
        Properties properties = new Properties();
        try (InputStream in = ModalityNetworks.class.getResourceAsStream("pet-classes.properties")) {
            if (in == null) {
                throw new IllegalStateException("pet-classes.properties missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return Map.copyOf(map);
    }
}
