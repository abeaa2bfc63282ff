package org.importdesk.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The database tables as generic rows (column name to text), so that saving, the change log and rollback work the
 * same way for every table. Key columns come first in {@link Table#columns()}.
 */
final class MappingTables {

    record Table(String name, List<String> columns, int keyColumns, List<String> booleanColumns,
                 List<String> intColumns, Function<MappingContent, List<Map<String, String>>> rows) {

        List<String> keys() {
            return columns.subList(0, keyColumns);
        }

        String key(Map<String, String> row) {
            return RowCodec.encode(keys().stream().collect(LinkedHashMap::new, (m, c) -> m.put(c, row.get(c)),
                    Map::putAll));
        }
    }

    static final Table STUDY_CLASS = new Table("study_class", List.of("code", "name_en", "name_de", "modality", "active"),
            1, List.of("active"), List.of(),
            c -> map(c.classes(), s -> row("code", s.code(), "name_en", s.nameEn(), "name_de", s.nameDe(),
                    "modality", s.modality(), "active", Boolean.toString(s.active()))));
    static final Table KEYWORD = new Table("keyword", List.of("class_code", "text", "language", "scope"), 2,
            List.of(), List.of(),
            c -> map(c.keywords(), k -> row("class_code", k.classCode(), "text", k.text(), "language", k.language(),
                    "scope", k.scope().label())));
    static final Table PROCEDURE_CODE = new Table("procedure_code", List.of("code_value", "coding_scheme", "class_code"),
            2, List.of(), List.of(),
            c -> map(c.procedureCodes(), p -> row("code_value", p.codeValue(), "coding_scheme", p.codingScheme(),
                    "class_code", p.classCode())));
    static final Table EXACT_DESCRIPTION = new Table("exact_description", List.of("description", "class_code"), 1,
            List.of(), List.of(),
            c -> map(c.exactDescriptions(), e -> row("description", e.description(), "class_code", e.classCode())));
    static final Table BLACKLIST = new Table("blacklist", List.of("kind", "text"), 2, List.of(), List.of(),
            c -> map(c.blacklist(), b -> row("kind", b.kind().name().toLowerCase(java.util.Locale.ROOT),
                    "text", b.text())));
    static final Table VOTE_RULE = new Table("vote_rule", List.of("position", "rule"), 1, List.of(),
            List.of("position"),
            c -> map(c.voteRules(), r -> row("position", Integer.toString(r.position()), "rule", r.rule())));
    static final Table MINOR_ERROR = new Table("minor_error", List.of("true_class", "predicted_class"), 2, List.of(),
            List.of(),
            c -> map(c.minorErrors(), m -> row("true_class", m.trueClass(), "predicted_class", m.predictedClass())));
    static final Table MODALITY_REMAP = new Table("modality_remap",
            List.of("source_modality", "target_modality", "priority"), 2, List.of(), List.of("priority"),
            c -> map(c.modalityRemaps(), m -> row("source_modality", m.sourceModality(),
                    "target_modality", m.targetModality(), "priority", Integer.toString(m.priority()))));
    static final Table PET_MAP = new Table("pet_map", List.of("region_class", "pet_class"), 1, List.of(), List.of(),
            c -> map(c.petMap(), p -> row("region_class", p.regionClass(), "pet_class", p.petClass())));
    static final Table SETTING = new Table("setting", List.of("name", "setting_value"), 1, List.of(), List.of(),
            c -> c.settings().entrySet().stream().map(e -> row("name", e.getKey(), "setting_value", e.getValue())).toList());

    /** In the order inserts must happen (classes first); deletes go in reverse. */
    static final List<Table> ALL = List.of(STUDY_CLASS, KEYWORD, PROCEDURE_CODE, EXACT_DESCRIPTION, BLACKLIST,
            VOTE_RULE, MINOR_ERROR, MODALITY_REMAP, PET_MAP, SETTING);

    static Table byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such mapping table: " + name));
    }

    static MappingContent content(Map<Table, List<Map<String, String>>> rows) {
        List<StudyClass> classes = new ArrayList<>();
        for (var r : rows.getOrDefault(STUDY_CLASS, List.of())) {
            classes.add(new StudyClass(r.get("code"), r.get("name_en"), r.get("name_de"), r.get("modality"),
                    Boolean.parseBoolean(r.get("active"))));
        }
        List<Keyword> keywords = map(rows.getOrDefault(KEYWORD, List.of()),
                r -> new Keyword(r.get("class_code"), r.get("text"), r.get("language"), Keyword.Scope.parse(r.get("scope"))));
        List<ProcedureCodeMapping> codes = map(rows.getOrDefault(PROCEDURE_CODE, List.of()),
                r -> new ProcedureCodeMapping(r.get("code_value"), r.get("coding_scheme"), r.get("class_code")));
        List<ExactDescription> exact = map(rows.getOrDefault(EXACT_DESCRIPTION, List.of()),
                r -> new ExactDescription(r.get("description"), r.get("class_code")));
        List<BlacklistEntry> blacklist = map(rows.getOrDefault(BLACKLIST, List.of()),
                r -> new BlacklistEntry(BlacklistEntry.Kind.valueOf(r.get("kind").toUpperCase(java.util.Locale.ROOT)),
                        r.get("text")));
        List<VoteRule> rules = new ArrayList<>(map(rows.getOrDefault(VOTE_RULE, List.of()),
                r -> new VoteRule(Integer.parseInt(r.get("position")), r.get("rule"))));
        rules.sort(java.util.Comparator.comparingInt(VoteRule::position));
        List<MinorError> minor = map(rows.getOrDefault(MINOR_ERROR, List.of()),
                r -> new MinorError(r.get("true_class"), r.get("predicted_class")));
        List<ModalityRemap> remaps = map(rows.getOrDefault(MODALITY_REMAP, List.of()),
                r -> new ModalityRemap(r.get("source_modality"), r.get("target_modality"),
                        Integer.parseInt(r.get("priority"))));
        List<PetMapping> pet = map(rows.getOrDefault(PET_MAP, List.of()),
                r -> new PetMapping(r.get("region_class"), r.get("pet_class")));
        Map<String, String> settings = new LinkedHashMap<>();
        for (var r : rows.getOrDefault(SETTING, List.of())) {
            settings.put(r.get("name"), r.get("setting_value"));
        }
        return new MappingContent(classes, keywords, codes, exact, blacklist, rules, minor, remaps, pet, settings);
    }

    static Map<String, String> row(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static <A, B> List<B> map(List<A> in, Function<A, B> f) {
        return in.stream().map(f).toList();
    }

    private MappingTables() {
    }
}
