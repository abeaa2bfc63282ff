package org.importdesk.engine.classify;

import org.importdesk.mapping.Keyword;
import org.importdesk.mapping.MappingText;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keywords of a set of classes for one scope, as token phrases: matched on whole words, longest phrase first,
 * with German/Dutch compounds split into known parts and single-word typos corrected when exactly one keyword word
 * is that close (edit distance 1, or 2 for long words) and the word is not itself a known word.
 */
final class KeywordIndex {

    /** A keyword phrase and the classes it names within this index. */
    record Phrase(String[] tokens, String text, Set<String> classes) {
    }

    /** One match in a text: token span, the phrase, and whether typo tolerance was needed. */
    record Match(int start, int end, Phrase phrase, boolean partial) {
    }

    private final Map<String, List<Phrase>> byFirstToken = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private final Map<Integer, List<String>> vocabularyByLength = new HashMap<>();
    private final Set<String> singleTokenKeywords = new HashSet<>();
    /** Unknown words seen before and what they became (a correction, a split, or nothing). */
    private final Map<String, List<String>> resolved = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int RESOLVED_LIMIT = 200_000;

    KeywordIndex(Collection<Keyword> keywords) {
        Map<String, Phrase> phrases = new HashMap<>();
        for (Keyword k : keywords) {
            List<String> t = MappingText.tokens(k.text());
            if (t.isEmpty()) {
                continue;
            }
            String key = String.join(" ", t);
            phrases.computeIfAbsent(key, x -> new Phrase(t.toArray(String[]::new), k.text(), new LinkedHashSet<>()))
                    .classes().add(k.classCode());
            vocabulary.addAll(t);
            if (t.size() == 1) {
                singleTokenKeywords.add(t.get(0));
            }
        }
        for (Phrase p : phrases.values()) {
            byFirstToken.computeIfAbsent(p.tokens()[0], x -> new ArrayList<>()).add(p);
        }
        for (List<Phrase> l : byFirstToken.values()) {
            l.sort(Comparator.comparingInt((Phrase p) -> -p.tokens().length));
        }
        for (String v : vocabulary) {
            if (v.length() >= 4 && !Character.isDigit(v.charAt(0))) {
                vocabularyByLength.computeIfAbsent(v.length(), x -> new ArrayList<>()).add(v);
            }
        }
    }

    /** Matches in {@code tokens}, non-overlapping, scanned left to right taking the longest phrase. */
    List<Match> match(List<String> input) {
        List<String> tokens = new ArrayList<>(input.size());
        List<Boolean> corrected = new ArrayList<>(input.size());
        for (String t : input) {
            if (byFirstToken.containsKey(t) || vocabulary.contains(t) || KnownWords.contains(t)) {
                tokens.add(t);
                corrected.add(false);
                continue;
            }
            List<String> r = resolved.get(t);
            if (r == null) {
                List<String> parts = split(t, 0);
                String fixed = parts == null ? correct(t) : null;
                // [parts...] for a compound, ["~", word] for a typo correction, [] for nothing
                r = parts != null ? List.copyOf(parts) : fixed != null ? List.of("~", fixed) : List.of();
                if (resolved.size() < RESOLVED_LIMIT) {
                    resolved.put(t, r);
                }
            }
            if (r.isEmpty()) {
                tokens.add(t);
                corrected.add(false);
            } else if (r.get(0).equals("~")) {
                tokens.add(r.get(1));
                corrected.add(true);
            } else {
                tokens.addAll(r);
                r.forEach(p -> corrected.add(false));
            }
        }
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Match best = null;
            List<Phrase> candidates = byFirstToken.get(tokens.get(i));
            if (candidates != null) {
                for (Phrase p : candidates) {
                    if (matchesAt(p.tokens(), tokens, i)) {
                        boolean partial = false;
                        for (int k = i; k < i + p.tokens().length; k++) {
                            partial |= corrected.get(k);
                        }
                        best = new Match(i, i + p.tokens().length, p, partial);
                        break;
                    }
                }
            }
            if (best != null) {
                out.add(best);
                i = best.end();
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean matchesAt(String[] phrase, List<String> tokens, int at) {
        if (at + phrase.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            if (!phrase[k].equals(tokens.get(at + k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits a compound ("kniegelenk", "oberbauchsonographie", "roentgenthorax") into keyword words and known filler
     * words; null when it is no such compound or holds no keyword word.
     */
    private List<String> split(String t, int depth) {
        if (t.length() < 6 || depth > 3) {
            return null;
        }
        for (int i = t.length() - 3; i >= 3; i--) {
            String left = t.substring(0, i);
            String right = t.substring(i);
            if (!singleTokenKeywords.contains(left) && singleTokenKeywords.contains(left + "e")) {
                left = left + "e"; // German stems: "hueft|gelenk" from "huefte"
            } else if (!singleTokenKeywords.contains(left) && left.length() > 4
                    && (left.endsWith("n") || left.endsWith("s"))
                    && singleTokenKeywords.contains(left.substring(0, left.length() - 1))) {
                left = left.substring(0, left.length() - 1); // linking n/s: "schilddruese|n|szintigraphie"
            }
            boolean leftKeyword = singleTokenKeywords.contains(left);
            if (!leftKeyword && !KnownWords.isCompoundPart(left)) {
                continue;
            }
            List<String> rest;
            if (singleTokenKeywords.contains(right)) {
                rest = List.of(right);
            } else if (KnownWords.isCompoundPart(right)) {
                rest = leftKeyword ? List.of() : null;
            } else {
                rest = split(right, depth + 1);
            }
            if (rest != null) {
                List<String> out = new ArrayList<>();
                out.add(left);
                out.addAll(rest);
                return out;
            }
        }
        return null;
    }

    /** The single keyword word within edit distance of {@code t}, or null. */
    private String correct(String t) {
        if (t.length() < 5 || Character.isDigit(t.charAt(0))) {
            return null;
        }
        int max = t.length() >= 8 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean ambiguous = false;
        for (int len = t.length() - max; len <= t.length() + max; len++) {
            for (String v : vocabularyByLength.getOrDefault(len, List.of())) {
                if (v.charAt(0) != t.charAt(0)) {
                    continue;
                }
                int d = EditDistance.damerauLevenshtein(t, v, max);
                if (d > max) {
                    continue;
                }
                if (d < bestDistance) {
                    best = v;
                    bestDistance = d;
                    ambiguous = false;
                } else if (d == bestDistance && !v.equals(best)) {
                    ambiguous = true;
                }
            }
        }
        return ambiguous ? null : best;
    }
}
