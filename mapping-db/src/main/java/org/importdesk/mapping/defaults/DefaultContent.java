package org.importdesk.mapping.defaults;

import org.importdesk.mapping.BlacklistEntry;
import org.importdesk.mapping.ExactDescription;
import org.importdesk.mapping.Keyword;
import org.importdesk.mapping.MappingContent;
import org.importdesk.mapping.MappingText;
import org.importdesk.mapping.MinorError;
import org.importdesk.mapping.ModalityRemap;
import org.importdesk.mapping.PetMapping;
import org.importdesk.mapping.StudyClass;
import org.importdesk.mapping.VoteRule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ImportDesk's default mapping content, built from the resources next to this class: the paper's 76 classes, the
 * project's own region vocabulary (expanded into keywords of every class that names the region), rules, blacklists,
 * modality remaps, the PET map, settings and the paper's minor-error pairs.
 */
public final class DefaultContent {

    public static final String AUTHOR = "importdesk (default content)";

    /** A region of the vocabulary: the class it means per class modality, and its terms. */
    public record Region(String name, Map<String, String> classByModality, List<Term> terms) {
    }

    /** A term of a region: its language, the modalities it is limited to (empty: all) and its scope. */
    public record Term(String text, String language, Set<String> onlyModalities, Keyword.Scope scope) {
    }

    public static MappingContent load() {
        List<StudyClass> classes = new ArrayList<>();
        for (String[] f : tsv("classes.tsv")) {
            classes.add(new StudyClass(f[0], f[2], f[3], f[1], true));
        }
        Map<String, StudyClass> byCode = new LinkedHashMap<>();
        classes.forEach(c -> byCode.put(c.code(), c));
        List<Keyword> keywords = keywords(regions(), byCode);
        List<ExactDescription> exact = new ArrayList<>();
        Set<String> seenExact = new HashSet<>();
        for (StudyClass c : classes) {
            for (String name : List.of(c.nameEn(), c.nameDe())) {
                if (seenExact.add(MappingText.normalize(name))) {
                    exact.add(new ExactDescription(name, c.code()));
                }
            }
        }
        List<VoteRule> rules = new ArrayList<>();
        for (String line : lines("rules.txt")) {
            rules.add(new VoteRule((rules.size() + 1) * 10, line));
        }
        List<BlacklistEntry> blacklist = tsv("blacklist.tsv").stream()
                .map(f -> new BlacklistEntry(BlacklistEntry.Kind.valueOf(f[0].toUpperCase(Locale.ROOT)), f[1])).toList();
        List<ModalityRemap> remaps = tsv("remaps.tsv").stream()
                .map(f -> new ModalityRemap(f[0], f[1], Integer.parseInt(f[2]))).toList();
        List<PetMapping> pet = tsv("petmap.tsv").stream().map(f -> new PetMapping(f[0], f[1])).toList();
        Map<String, String> settings = new LinkedHashMap<>();
        tsv("settings.tsv").forEach(f -> settings.put(f[0], f[1]));
        Map<String, String> codeByName = new HashMap<>();
        classes.forEach(c -> codeByName.put(c.nameEn().toLowerCase(Locale.ROOT), c.code()));
        List<MinorError> minor = new ArrayList<>();
        for (String line : lines("minor-errors-names.csv")) {
            if (line.startsWith("true_class")) {
                continue;
            }
            String[] f = line.split("\",\"");
            String t = codeByName.get(f[0].replace("\"", "").toLowerCase(Locale.ROOT));
            String p = codeByName.get(f[1].replace("\"", "").toLowerCase(Locale.ROOT));
            if (t == null || p == null) {
                throw new IllegalStateException("minor-error pair names an unknown class: " + line);
            }
            minor.add(new MinorError(t, p));
        }
        return new MappingContent(classes, keywords, List.of(), exact, blacklist, rules, minor, remaps, pet, settings);
    }

    /** The region vocabulary as written in {@code vocabulary.txt}. */
    public static List<Region> regions() {
        List<Region> regions = new ArrayList<>();
        String name = null;
        Map<String, String> classes = null;
        List<Term> terms = null;
        for (String line : lines("vocabulary.txt")) {
            if (line.startsWith("@region")) {
                if (name != null) {
                    regions.add(new Region(name, classes, terms));
                }
                String[] f = line.split("\\s+");
                name = f[1];
                classes = new LinkedHashMap<>();
                terms = new ArrayList<>();
                for (int i = 2; i < f.length; i++) {
                    String[] kv = f[i].split("=");
                    classes.put(kv[0], kv[1]);
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (name == null || colon < 0) {
                throw new IllegalStateException("vocabulary.txt: unexpected line " + line);
            }
            String lang = line.substring(0, colon).trim();
            for (String raw : line.substring(colon + 1).split(";")) {
                String t = raw.trim();
                if (t.isEmpty()) {
                    continue;
                }
                Keyword.Scope scope = Keyword.Scope.BOTH;
                if (t.endsWith("@study")) {
                    scope = Keyword.Scope.STUDY;
                    t = t.substring(0, t.length() - 6);
                } else if (t.endsWith("@series")) {
                    scope = Keyword.Scope.SERIES;
                    t = t.substring(0, t.length() - 7);
                }
                Set<String> only = new HashSet<>();
                int brace = t.indexOf('{');
                if (brace >= 0) {
                    only.addAll(List.of(t.substring(brace + 1, t.indexOf('}')).split(",")));
                    t = t.substring(0, brace);
                }
                terms.add(new Term(t.trim(), lang, only, scope));
            }
        }
        if (name != null) {
            regions.add(new Region(name, classes, terms));
        }
        return regions;
    }

    private static List<Keyword> keywords(List<Region> regions, Map<String, StudyClass> classes) {
        List<Keyword> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Region r : regions) {
            for (var e : r.classByModality().entrySet()) {
                StudyClass c = classes.get(e.getValue());
                if (c == null) {
                    throw new IllegalStateException("vocabulary region " + r.name() + " names unknown class " + e.getValue());
                }
                for (Term t : r.terms()) {
                    if (!t.onlyModalities().isEmpty() && !t.onlyModalities().contains(e.getKey())) {
                        continue;
                    }
                    if (seen.add(c.code() + "\u0000" + MappingText.normalize(t.text()))) {
                        out.add(new Keyword(c.code(), t.text(), t.language(), t.scope()));
                    }
                }
            }
        }
        return out;
    }

    private static List<String[]> tsv(String resource) {
        return lines(resource).stream().map(l -> l.split("\t")).toList();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = DefaultContent.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("default content resource missing: " + resource);
            }
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DefaultContent() {
    }
}
