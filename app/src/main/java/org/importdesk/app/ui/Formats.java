package org.importdesk.app.ui;

import java.util.Locale;

/** How DICOM values show on screen. */
public final class Formats {
    private Formats() {
    }

    /** "MÜLLER^ANNA^^DR" as "MÜLLER, Anna": family name as given, the rest capitalised. */
    public static String personName(String dicom) {
        if (dicom == null || dicom.isBlank()) {
            return "(no name)";
        }
        String[] parts = dicom.split("\\^", -1);
        StringBuilder b = new StringBuilder(parts[0].trim());
        StringBuilder given = new StringBuilder();
        for (int i = 1; i < Math.min(parts.length, 3); i++) {
            String p = parts[i].trim();
            if (!p.isEmpty()) {
                given.append(given.length() == 0 ? "" : " ").append(capitalise(p));
            }
        }
        if (given.length() > 0) {
            b.append(", ").append(given);
        }
        return b.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    /** "20260917" as "2026-09-17"; anything else as given. */
    public static String date(String da) {
        if (da != null && da.length() == 8 && da.chars().allMatch(Character::isDigit)) {
            return da.substring(0, 4) + "-" + da.substring(4, 6) + "-" + da.substring(6);
        }
        return da == null ? "" : da;
    }

    /** "101530" as "10:15". */
    public static String time(String tm) {
        if (tm != null && tm.length() >= 4 && tm.substring(0, 4).chars().allMatch(Character::isDigit)) {
            return tm.substring(0, 2) + ":" + tm.substring(2, 4);
        }
        return tm == null ? "" : tm;
    }

    public static String percent(double v) {
        return Math.round(v * 100) + " %";
    }
}
