package org.importdesk.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.importdesk.mapping.ValidationFinding.Severity.ERROR;
import static org.importdesk.mapping.ValidationFinding.Severity.WARNING;

/**
 * Checks mapping content before it is saved: unknown class codes anywhere (keywords, codes, rules, maps), malformed
 * rules, duplicate keywords, and keywords that another class's keyword of the same modality contains as whole words
 * (harmless for ImportDesk's longest-match matcher, but worth a look) or that two classes of one modality share.
 */
public final class MappingValidator {

    public List<ValidationFinding> validate(MappingContent c) {
        List<ValidationFinding> out = new ArrayList<>();
        Map<String, StudyClass> classes = new HashMap<>();
        for (StudyClass s : c.classes()) {
            if (s.code() == null || s.code().isBlank()) {
                out.add(new ValidationFinding(ERROR, "study_class", "a class without code"));
            } else if (classes.put(s.code(), s) != null) {
                out.add(new ValidationFinding(ERROR, "study_class", "class code " + s.code() + " twice"));
            }
            if (s.modality() == null || s.modality().isBlank()) {
                out.add(new ValidationFinding(ERROR, "study_class", "class " + s.code() + " has no modality"));
            }
        }
        keywords(c, classes, out);
        for (ProcedureCodeMapping p : c.procedureCodes()) {
            known(classes, p.classCode(), "procedure_code", "code " + p.codeValue(), out);
        }
        Map<String, String> exact = new HashMap<>();
        for (ExactDescription e : c.exactDescriptions()) {
            known(classes, e.classCode(), "exact_description", "'" + e.description() + "'", out);
            String n = MappingText.normalize(e.description());
            if (n.isEmpty()) {
                out.add(new ValidationFinding(ERROR, "exact_description", "'" + e.description() + "' is empty once normalised"));
            }
            String prev = exact.put(n, e.classCode());
            if (prev != null && !prev.equals(e.classCode())) {
                out.add(new ValidationFinding(ERROR, "exact_description", "'" + e.description() + "' means both "
                        + prev + " and " + e.classCode()));
            }
        }
        for (VoteRule r : c.voteRules()) {
            try {
                ParsedRule p = ParsedRule.parse(r.rule());
                for (String code : p.codes()) {
                    known(classes, code, "vote_rule", "rule " + r.position() + " '" + r.rule() + "'", out);
                }
            } catch (IllegalArgumentException e) {
                out.add(new ValidationFinding(ERROR, "vote_rule", e.getMessage()));
            }
        }
        for (MinorError m : c.minorErrors()) {
            known(classes, m.trueClass(), "minor_error", "pair", out);
            known(classes, m.predictedClass(), "minor_error", "pair", out);
        }
        for (PetMapping p : c.petMap()) {
            known(classes, p.regionClass(), "pet_map", "region", out);
            known(classes, p.petClass(), "pet_map", "PET class", out);
        }
        for (BlacklistEntry b : c.blacklist()) {
            if (MappingText.normalize(b.text()).isEmpty()) {
                out.add(new ValidationFinding(ERROR, "blacklist", "'" + b.text() + "' is empty once normalised"));
            }
        }
        for (var e : c.settings().entrySet()) {
            if (e.getKey().startsWith("merged.") || e.getKey().startsWith("network.confidence")) {
                try {
                    Double.parseDouble(e.getValue());
                } catch (NumberFormatException ex) {
                    out.add(new ValidationFinding(ERROR, "setting", e.getKey() + " is not a number: " + e.getValue()));
                }
            }
            if (e.getKey().startsWith(MappingContent.PET_DEFAULT_PREFIX) || e.getKey().startsWith(MappingContent.PRIOR_PREFIX)) {
                known(classes, e.getValue(), "setting", e.getKey(), out);
            }
        }
        return out;
    }

    public static boolean hasErrors(Collection<ValidationFinding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == ERROR);
    }

    private void keywords(MappingContent c, Map<String, StudyClass> classes, List<ValidationFinding> out) {
        Set<String> seen = new HashSet<>();
        // modality -> normalised keyword -> classes
        Map<String, Map<String, Set<String>>> byModality = new HashMap<>();
        for (Keyword k : c.keywords()) {
            StudyClass s = classes.get(k.classCode());
            if (s == null) {
                out.add(new ValidationFinding(ERROR, "keyword", "'" + k.text() + "' names unknown class " + k.classCode()));
                continue;
            }
            String n = MappingText.normalize(k.text());
            if (n.isEmpty()) {
                out.add(new ValidationFinding(ERROR, "keyword", "'" + k.text() + "' of " + k.classCode()
                        + " is empty once normalised"));
                continue;
            }
            if (!seen.add(k.classCode() + "\u0000" + n)) {
                out.add(new ValidationFinding(ERROR, "keyword", "'" + k.text() + "' twice for " + k.classCode()));
            }
            byModality.computeIfAbsent(s.modality(), m -> new HashMap<>()).computeIfAbsent(n, x -> new HashSet<>())
                    .add(k.classCode());
        }
        for (var mod : byModality.entrySet()) {
            for (var kw : mod.getValue().entrySet()) {
                if (kw.getValue().size() > 1) {
                    out.add(new ValidationFinding(WARNING, "keyword", "'" + kw.getKey() + "' names several " + mod.getKey()
                            + " classes " + new java.util.TreeSet<>(kw.getValue())));
                }
            }
            // whole-word containment: "spine" inside "cervical spine" of another class
            for (var outer : mod.getValue().entrySet()) {
                String[] t = outer.getKey().split(" ");
                for (int from = 0; from < t.length; from++) {
                    for (int to = from + 1; to <= t.length; to++) {
                        if (to - from == t.length) {
                            continue;
                        }
                        String inner = String.join(" ", java.util.Arrays.copyOfRange(t, from, to));
                        Set<String> innerClasses = mod.getValue().get(inner);
                        if (innerClasses == null) {
                            continue;
                        }
                        for (String oc : outer.getValue()) {
                            if (!innerClasses.contains(oc)) {
                                out.add(new ValidationFinding(WARNING, "keyword", "'" + inner + "' of "
                                        + new java.util.TreeSet<>(innerClasses) + " is contained in '" + outer.getKey()
                                        + "' of " + oc + " (the longer match wins)"));
                            }
                        }
                    }
                }
            }
        }
    }

    private static void known(Map<String, StudyClass> classes, String code, String table, String where,
                              List<ValidationFinding> out) {
        if (code == null || !classes.containsKey(code)) {
            out.add(new ValidationFinding(ERROR, table, where + " names unknown class " + code));
        }
    }
}
