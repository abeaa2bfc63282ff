package org.importdesk.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything in the Modality Mapping Database at one moment: an immutable value that the classifier compiles and
 * that an editor changes as a whole (see {@link MappingStore#save}).
 */
public record MappingContent(List<StudyClass> classes, List<Keyword> keywords, List<ProcedureCodeMapping> procedureCodes,
                             List<ExactDescription> exactDescriptions, List<BlacklistEntry> blacklist,
                             List<VoteRule> voteRules, List<MinorError> minorErrors,
                             List<ModalityRemap> modalityRemaps, List<PetMapping> petMap,
                             Map<String, String> settings) {

    /** Weight of a full keyword match of the study description in merged voting, per series. */
    public static final String MERGED_FULL_MATCH_WEIGHT = "merged.full_match_weight";
    /** Weight of a partial (typo-tolerant or compound) keyword match of the study description, per series. */
    public static final String MERGED_PARTIAL_MATCH_WEIGHT = "merged.partial_match_weight";
    /** Network votes under this confidence do not vote. */
    public static final String NETWORK_CONFIDENCE_THRESHOLD = "network.confidence_threshold";
    /** Whether network votes are subject to the vote rules. */
    public static final String NETWORK_VOTE_RULES = "network.vote_rules";
    /** Class of a PET study whose region is unknown, per companion modality: pet.default.CT, pet.default.MR. */
    public static final String PET_DEFAULT_PREFIX = "pet.default.";

    /**
     * Last resort for a study without any usable metadata, per class modality (prior.CT, prior.MR, ...): the class
     * such studies most often are. Decider "modality-prior", low confidence.
     */
    public static final String PRIOR_PREFIX = "prior.";
    /** Head classes of a modality that a body-sized field of view or a feet-first position rules out. */
    public static final String GEOMETRY_NOT_HEAD_PREFIX = "geometry.not_head.";

    public MappingContent {
        classes = List.copyOf(classes);
        keywords = List.copyOf(keywords);
        procedureCodes = List.copyOf(procedureCodes);
        exactDescriptions = List.copyOf(exactDescriptions);
        blacklist = List.copyOf(blacklist);
        voteRules = List.copyOf(voteRules);
        minorErrors = List.copyOf(minorErrors);
        modalityRemaps = List.copyOf(modalityRemaps);
        petMap = List.copyOf(petMap);
        settings = Map.copyOf(new TreeMap<>(settings));
    }

    public static MappingContent empty() {
        return new MappingContent(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), Map.of());
    }

    public Optional<StudyClass> studyClass(String code) {
        return classes.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public double setting(String name, double fallback) {
        String v = settings.get(name);
        return v == null ? fallback : Double.parseDouble(v.trim());
    }

    public MappingContent withClasses(List<StudyClass> v) {
        return new MappingContent(v, keywords, procedureCodes, exactDescriptions, blacklist, voteRules, minorErrors,
                modalityRemaps, petMap, settings);
    }

    public MappingContent withKeywords(List<Keyword> v) {
        return new MappingContent(classes, v, procedureCodes, exactDescriptions, blacklist, voteRules, minorErrors,
                modalityRemaps, petMap, settings);
    }

    public MappingContent withProcedureCodes(List<ProcedureCodeMapping> v) {
        return new MappingContent(classes, keywords, v, exactDescriptions, blacklist, voteRules, minorErrors,
                modalityRemaps, petMap, settings);
    }

    public MappingContent withExactDescriptions(List<ExactDescription> v) {
        return new MappingContent(classes, keywords, procedureCodes, v, blacklist, voteRules, minorErrors,
                modalityRemaps, petMap, settings);
    }

    public MappingContent withVoteRules(List<VoteRule> v) {
        return new MappingContent(classes, keywords, procedureCodes, exactDescriptions, blacklist, v, minorErrors,
                modalityRemaps, petMap, settings);
    }

    public MappingContent withMinorErrors(List<MinorError> v) {
        return new MappingContent(classes, keywords, procedureCodes, exactDescriptions, blacklist, voteRules, v,
                modalityRemaps, petMap, settings);
    }

    public MappingContent withSettings(Map<String, String> v) {
        return new MappingContent(classes, keywords, procedureCodes, exactDescriptions, blacklist, voteRules,
                minorErrors, modalityRemaps, petMap, v);
    }
}
