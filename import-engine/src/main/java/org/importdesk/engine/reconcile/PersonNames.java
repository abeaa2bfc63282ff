package org.importdesk.engine.reconcile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fuzzy comparison of person names as written on foreign media: umlauts written as ae/oe/ue or dropped, components in
 * another order (Given Family, "Family, Given"), and typos.
 */
public final class PersonNames {
    private PersonNames() {
    }

    /** Similarity 0..1 of two names in DICOM PN or free form. 1 means the same after normalisation. */
    public static double similarity(String a, String b) {
        double best = 0;
        for (boolean expand : new boolean[]{true, false}) {
            for (boolean expandB : new boolean[]{true, false}) {
                best = Math.max(best, tokenSimilarity(tokens(a, expand), tokens(b, expandB)));
            }
        }
        return best;
    }

    /**
     * Upper-case ASCII tokens: the first (alphabetic) component group of a PN, split at ^, spaces, commas and hyphens.
     * {@code expandUmlauts}: Ä to AE (German convention) or to A (umlaut dropped).
     */
    static List<String> tokens(String name, boolean expandUmlauts) {
        if (name == null) {
            return List.of();
        }
        String n = name;
        int eq = n.indexOf('=');
        if (eq >= 0) {
            n = n.substring(0, eq);
        }
        n = n.toUpperCase(Locale.ROOT);
        if (expandUmlauts) {
            n = n.replace("Ä", "AE").replace("Ö", "OE").replace("Ü", "UE").replace("ß", "SS");
        } else {
            n = n.replace("ß", "SS");
        }
        n = Normalizer.normalize(n, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        List<String> out = new ArrayList<>();
        for (String t : n.split("[\\^\\s,\\-.]+")) {
            String clean = t.replaceAll("[^A-Z]", "");
            if (!clean.isEmpty()) {
                out.add(clean);
            }
        }
        return out;
    }

    private static double tokenSimilarity(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        List<String> shorter = a.size() <= b.size() ? a : b;
        List<String> longer = a.size() <= b.size() ? b : a;
        boolean[] used = new boolean[longer.size()];
        double weighted = 0;
        double weights = 0;
        for (String s : shorter) {
            double best = 0;
            int bestJ = -1;
            for (int j = 0; j < longer.size(); j++) {
                if (used[j]) {
                    continue;
                }
                double sim = stringSimilarity(s, longer.get(j));
                if (sim > best) {
                    best = sim;
                    bestJ = j;
                }
            }
            if (bestJ >= 0) {
                used[bestJ] = true;
            }
            weighted += best * s.length();
            weights += s.length();
        }
        double coverage = (double) shorter.size() / longer.size();
        return (weighted / weights) * (0.9 + 0.1 * coverage);
    }

    /** 1 - (optimal string alignment distance / longer length). */
    static double stringSimilarity(String s, String t) {
        if (s.equals(t)) {
            return 1;
        }
        int n = s.length();
        int m = t.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return 1.0 - (double) d[n][m] / Math.max(n, m);
    }

    /** For display only: the tokens joined. */
    public static String normalized(String name) {
        return String.join(" ", tokens(name, true));
    }
}
