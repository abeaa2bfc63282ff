package org.importdesk.engine.reconcile;

/**
 * A patient identity as one system knows it. Empty strings for unknown values. Patient data: never log at INFO.
 *
 * @param name      DICOM PN form (Family^Given^Middle^Prefix^Suffix)
 * @param birthDate YYYYMMDD
 * @param sex       M, F, O or empty
 */
public record Demographics(String patientId, String issuer, String name, String birthDate, String sex) {
    public Demographics {
        patientId = clean(patientId);
        issuer = clean(issuer);
        name = clean(name);
        birthDate = clean(birthDate);
        sex = clean(sex).toUpperCase(java.util.Locale.ROOT);
    }

    private static String clean(String s) {
        return s == null ? "" : s.trim();
    }
}
