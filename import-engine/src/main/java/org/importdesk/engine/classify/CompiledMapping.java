package org.importdesk.engine.classify;

import org.importdesk.mapping.BlacklistEntry;
import org.importdesk.mapping.Keyword;
import org.importdesk.mapping.MappingContent;
import org.importdesk.mapping.MappingText;
import org.importdesk.mapping.ModalityRemap;
import org.importdesk.mapping.ParsedRule;
import org.importdesk.mapping.PetMapping;
import org.importdesk.mapping.ProcedureCodeMapping;
import org.importdesk.mapping.StudyClass;
import org.importdesk.mapping.VoteRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Mapping content prepared for fast classification; immutable and safe to share between threads. */
public final class CompiledMapping {

    private final MappingContent content;
    private final Map<String, StudyClass> classes = new HashMap<>();
    private final Map<String, String> exact = new HashMap<>();
    private final Map<String, String> codes = new HashMap<>();
    private final List<List<String>> seriesBlacklist = new ArrayList<>();
    private final List<List<String>> reduce = new ArrayList<>();
    private final RuleEngine rules;
    private final Map<String, List<List<String>>> remaps = new HashMap<>();
    private final Map<String, String> petMap = new HashMap<>();
    private final Map<String, KeywordIndex> indexes = new ConcurrentHashMap<>();
    private final Set<String> minorPairs;

    public CompiledMapping(MappingContent content) {
        this.content = content;
        content.classes().stream().filter(StudyClass::active).forEach(c -> classes.put(c.code(), c));
        content.exactDescriptions().forEach(e -> exact.put(MappingText.normalize(e.description()), e.classCode()));
        for (ProcedureCodeMapping p : content.procedureCodes()) {
            codes.put(p.codeValue().trim() + "\u0000" + p.codingScheme().trim(), p.classCode());
        }
        for (BlacklistEntry b : content.blacklist()) {
            (b.kind() == BlacklistEntry.Kind.SERIES ? seriesBlacklist : reduce).add(MappingText.tokens(b.text()));
        }
        rules = new RuleEngine(content.voteRules().stream().sorted(Comparator.comparingInt(VoteRule::position))
                .map(r -> ParsedRule.parse(r.rule())).toList());
        Map<String, List<ModalityRemap>> bySource = content.modalityRemaps().stream()
                .collect(Collectors.groupingBy(ModalityRemap::sourceModality));
        for (var e : bySource.entrySet()) {
            Map<Integer, List<String>> byPriority = new java.util.TreeMap<>();
            e.getValue().forEach(r -> byPriority.computeIfAbsent(r.priority(), x -> new ArrayList<>()).add(r.targetModality()));
            remaps.put(e.getKey(), List.copyOf(byPriority.values()));
        }
        for (PetMapping p : content.petMap()) {
            petMap.put(p.regionClass(), p.petClass());
        }
        minorPairs = content.minorErrors().stream().map(m -> m.trueClass() + ">" + m.predictedClass())
                .collect(Collectors.toSet());
    }

    public MappingContent content() {
        return content;
    }

    public Optional<StudyClass> studyClass(String code) {
        return Optional.ofNullable(classes.get(code));
    }

    public boolean isMinorError(String trueClass, String predictedClass) {
        return minorPairs.contains(trueClass + ">" + predictedClass);
    }

    Optional<String> exactDescription(String text) {
        return Optional.ofNullable(exact.get(MappingText.normalize(text))).filter(classes::containsKey);
    }

    Optional<String> procedureCode(String value, String scheme) {
        String v = value == null ? "" : value.trim();
        String c = codes.get(v + "\u0000" + (scheme == null ? "" : scheme.trim()));
        if (c == null) {
            c = codes.get(v + "\u0000" + ProcedureCodeMapping.ANY_SCHEME);
        }
        return Optional.ofNullable(c).filter(classes::containsKey);
    }

    /** The class modalities a DICOM modality may take, in priority groups; the modality itself when not remapped. */
    List<List<String>> targets(String modality) {
        List<List<String>> t = remaps.get(modality);
        return t != null ? t : List.of(List.of(modality));
    }

    boolean remapped(String modality) {
        return remaps.containsKey(modality);
    }

    Set<String> classesOf(List<String> modalities) {
        Set<String> out = new LinkedHashSet<>();
        for (StudyClass c : classes.values()) {
            if (modalities.contains(c.modality())) {
                out.add(c.code());
            }
        }
        return out;
    }

    Optional<String> petClass(String regionClass) {
        return Optional.ofNullable(petMap.get(regionClass)).filter(classes::containsKey);
    }

    Optional<String> setting(String name) {
        return Optional.ofNullable(content.settings().get(name));
    }

    double setting(String name, double fallback) {
        return content.setting(name, fallback);
    }

    RuleEngine rules() {
        return rules;
    }

    boolean seriesBlacklisted(List<String> tokens) {
        for (List<String> b : seriesBlacklist) {
            if (containsPhrase(tokens, b)) {
                return true;
            }
        }
        return false;
    }

    /** The tokens without the reduce blacklist's words and phrases. */
    List<String> reduce(List<String> tokens) {
        if (reduce.isEmpty()) {
            return tokens;
        }
        List<String> out = new ArrayList<>(tokens);
        for (List<String> r : reduce) {
            int at;
            while ((at = indexOf(out, r)) >= 0) {
                out.subList(at, at + r.size()).clear();
            }
        }
        return out;
    }

    KeywordIndex index(Set<String> classCodes, boolean seriesScope) {
        String key = (seriesScope ? "S:" : "T:") + String.join(",", new java.util.TreeSet<>(classCodes));
        return indexes.computeIfAbsent(key, k -> {
            List<Keyword> kws = content.keywords().stream()
                    .filter(kw -> classCodes.contains(kw.classCode()))
                    .filter(kw -> seriesScope ? kw.scope().series() : kw.scope().study())
                    .toList();
            return new KeywordIndex(kws);
        });
    }

    private static boolean containsPhrase(List<String> tokens, List<String> phrase) {
        return indexOf(tokens, phrase) >= 0;
    }

    private static int indexOf(List<String> tokens, List<String> phrase) {
        if (phrase.isEmpty()) {
            return -1;
        }
        outer:
        for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
            for (int k = 0; k < phrase.size(); k++) {
                if (!tokens.get(i + k).equals(phrase.get(k))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
