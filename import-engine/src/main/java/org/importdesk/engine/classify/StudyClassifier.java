package org.importdesk.engine.classify;

import org.importdesk.engine.media.ProcedureCode;
import org.importdesk.engine.media.SeriesRecord;
import org.importdesk.engine.media.StudyRecord;
import org.importdesk.mapping.MappingContent;
import org.importdesk.mapping.MappingText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MOMO's study classification, layer by layer: procedure code, exact study description, keywords in the study-level
 * descriptions, per-series metadata votes under the vote rules, then (by mode) the network's votes. PET studies are
 * classified by the region of their CT or MR companion and mapped to the PET class. Thread-safe.
 */
public final class StudyClassifier {

    /** Modalities of series that carry no images of the body: they neither set the study's modality nor vote. */
    private static final Set<String> NON_IMAGE = Set.of("SR", "PR", "KO", "DOC", "REG", "SEG", "RTSTRUCT", "RTPLAN",
            "RTDOSE", "RTRECORD", "RTIMAGE", "AU", "ECG", "HD", "FID", "PLAN", "RWV", "RESP", "SMR", "M3D", "OT", "SC");

    private static final Map<String, String> DESCRIPTION_MODALITY = new HashMap<>();
    private static final Set<String> MAMMOGRAPHY = Set.of("tomosynthesis", "mammo", "mammogram", "mammography",
            "mammographie", "tomosynthese", "mlo");

    static {
        for (String w : List.of("ct", "cat", "tdm", "tc", "tac", "cct", "ccct", "angiotc", "angiotac", "angioscanner",
                "cta", "uroscanner", "coroscanner")) {
            DESCRIPTION_MODALITY.put(w, "CT");
        }
        for (String w : List.of("mr", "mri", "mrt", "nmr", "irm", "rm", "rmn", "mra", "mrcp", "cmr", "kernspin")) {
            DESCRIPTION_MODALITY.put(w, "MR");
        }
        for (String w : List.of("xr", "xray", "rx", "cr", "dx", "radiograph", "radiography", "roentgen", "rontgen",
                "radio", "radiographie", "radiografia", "opg", "opt", "cxr", "kub")) {
            DESCRIPTION_MODALITY.put(w, "CR");
        }
        for (String w : List.of("us", "ultrasound", "sonography", "sono", "sonographie", "sonografie", "echographie",
                "ecografia", "ecografie", "echografie", "doppler", "duplex", "echo", "echocardiogram", "tte", "tee")) {
            DESCRIPTION_MODALITY.put(w, "US");
        }
        for (String w : List.of("mammo", "mammogram", "mammography", "mammographie", "mammografia", "mamografia",
                "tomosynthesis", "mg")) {
            DESCRIPTION_MODALITY.put(w, "MG");
        }
        for (String w : List.of("pet", "petct", "petmr", "fdg", "psma", "dotatate")) {
            DESCRIPTION_MODALITY.put(w, "PT");
        }
        for (String w : List.of("nm", "scintigraphy", "scintigraphie", "szintigraphie", "szintigrafie", "scintigrafia",
                "gammagrafia", "spect", "mibi", "sestamibi", "hida", "muga", "tc99m", "nuclear")) {
            DESCRIPTION_MODALITY.put(w, "NM");
        }
        for (String w : List.of("fl", "fluoro", "fluoroscopy", "rf", "durchleuchtung", "esophagram", "ugi", "vcug",
                "hsg", "myelogram", "myelography", "myelographie", "arthrogram", "enema", "swallow", "sbft")) {
            DESCRIPTION_MODALITY.put(w, "RF");
        }
        for (String w : List.of("xa", "dsa", "angiography", "angiogram", "arteriography", "angiographie", "embolization",
                "thrombectomy", "cath", "catheterization", "ptca", "pci", "tace", "angioplasty", "coiling")) {
            DESCRIPTION_MODALITY.put(w, "XA");
        }
    }

    private final CompiledMapping mapping;
    private final NetworkVoter voter;
    private final ClassifierMode mode;

    public StudyClassifier(CompiledMapping mapping, NetworkVoter voter, ClassifierMode mode) {
        this.mapping = mapping;
        this.voter = voter == null ? NetworkVoter.NONE : voter;
        this.mode = mode;
    }

    public StudyClassifier(MappingContent content) {
        this(new CompiledMapping(content), NetworkVoter.NONE, ClassifierMode.METADATA);
    }

    public ClassifierMode mode() {
        return mode;
    }

    public Classification classify(StudyRecord study) {
        return new Run(study).classify();
    }

    /** The study's modality as the classifier sees it. */
    private record Technique(String modality, List<List<String>> groups, boolean pet, String companion) {
    }

    /** The state of one classification: the evidence collected on the way. */
    private final class Run {
        final StudyRecord study;
        final List<Classification.KeywordMatch> matches = new ArrayList<>();
        final List<String> rulesApplied = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        Map<String, Double> decidingVotes = Map.of();

        Run(StudyRecord study) {
            this.study = study;
        }

        Classification classify() {
            Technique t = technique();
            if (mode != ClassifierMode.NETWORK) {
                for (ProcedureCode pc : study.procedureCodes()) {
                    Optional<String> c = mapping.procedureCode(pc.codeValue(), pc.codingSchemeDesignator());
                    if (c.isPresent()) {
                        notes.add("procedure code " + pc.codeValue() + " (" + pc.codingSchemeDesignator() + ")");
                        return done(c.get(), 1.0, "procedure-code");
                    }
                }
                Optional<String> exact = mapping.exactDescription(nz(study.studyDescription()));
                if (exact.isPresent()) {
                    notes.add("exact study description '" + study.studyDescription() + "'");
                    return done(exact.get(), 0.99, "exact-description");
                }
            }
            return switch (mode) {
                case METADATA -> metadata(t, false).or(() -> prior(t)).orElseGet(this::none);
                case NETWORK_LAST -> metadata(t, false).or(() -> network(t)).or(() -> prior(t)).orElseGet(this::none);
                case MERGED -> merged(t).orElseGet(this::none);
                case NETWORK -> network(t).orElseGet(this::none);
            };
        }

        Optional<Classification> metadata(Technique t, boolean descriptionOnly) {
            Optional<Decision> d = descriptions(t);
            if (d.isPresent()) {
                return Optional.of(done(pet(t, d.get().classCode()), d.get().confidence(), "keyword"));
            }
            if (descriptionOnly) {
                return Optional.empty();
            }
            Map<String, Double> votes = seriesVotes(t);
            Optional<String> w = winner(votes);
            if (w.isPresent()) {
                double share = votes.get(w.get()) / votes.values().stream().mapToDouble(Double::doubleValue).sum();
                decidingVotes = votes;
                return Optional.of(done(pet(t, w.get()), 0.85 * share, "series-vote"));
            }
            Set<String> only = mapping.classesOf(t.groups().get(0));
            if (!t.pet() && only.size() == 1) {
                notes.add("the only class of modality " + t.groups().get(0));
                return Optional.of(done(only.iterator().next(), 0.8, "single-class"));
            }
            if (t.pet()) {
                Optional<String> def = mapping.setting(MappingContent.PET_DEFAULT_PREFIX + t.companion())
                        .filter(c -> mapping.studyClass(c).isPresent());
                if (def.isPresent()) {
                    notes.add("PET study without region: default for " + t.companion());
                    return Optional.of(done(def.get(), 0.5, "pet-default"));
                }
            }
            return Optional.empty();
        }

        /** The last resort for a study without usable metadata: the modality's most frequent class. */
        Optional<Classification> prior(Technique t) {
            String modality = t.pet() ? "PT" : t.groups().get(0).get(0);
            Optional<String> body = mapping.setting(MappingContent.PRIOR_PREFIX + modality + ".body")
                    .filter(x -> mapping.studyClass(x).isPresent());
            if (body.isPresent()) {
                Optional<String> why = BodySizedField.of(study, t.groups().get(0).get(0));
                if (why.isPresent()) {
                    notes.add(why.get() + "; no usable text: the most frequent " + modality + " body class");
                    return Optional.of(done(body.get(), 0.2, "modality-prior"));
                }
            }
            Optional<String> c = mapping.setting(MappingContent.PRIOR_PREFIX + modality)
                    .filter(x -> mapping.studyClass(x).isPresent());
            c.ifPresent(x -> notes.add("no usable metadata: the most frequent " + modality + " class"));
            return c.map(x -> done(x, 0.2, "modality-prior"));
        }

        Optional<Classification> network(Technique t) {
            Map<String, Double> votes = networkVotes(t);
            Optional<String> w = winner(votes);
            if (w.isEmpty()) {
                return Optional.empty();
            }
            decidingVotes = votes;
            double share = votes.get(w.get()) / votes.values().stream().mapToDouble(Double::doubleValue).sum();
            return Optional.of(done(w.get(), share, "network"));
        }

        Optional<Classification> merged(Technique t) {
            Map<String, Double> series = seriesVotes(t);
            int n = (int) Math.max(1, countVotingSeries());
            Map<String, Double> votes = new LinkedHashMap<>();
            Optional<Decision> d = descriptions(t);
            if (d.isPresent()) {
                double w = n * (d.get().partial()
                        ? mapping.setting(MappingContent.MERGED_PARTIAL_MATCH_WEIGHT, 0.5)
                        : mapping.setting(MappingContent.MERGED_FULL_MATCH_WEIGHT, 1.5));
                votes.merge(d.get().classCode(), w, Double::sum);
                notes.add("study description votes " + d.get().classCode() + " x " + w);
            }
            series.forEach((c, w) -> votes.merge(c, w, Double::sum));
            Map<String, Double> resolved = rulesOn(votes);
            Map<String, Double> metadataOnly = new LinkedHashMap<>();
            resolved.forEach((c, w) -> metadataOnly.merge(pet(t, c), w, Double::sum));
            networkVotes(t).forEach((c, w) -> resolved.merge(c, w, Double::sum));
            // PET: metadata votes are region classes; map them like the network's
            Map<String, Double> finalVotes = new LinkedHashMap<>();
            resolved.forEach((c, w) -> finalVotes.merge(pet(t, c), w, Double::sum));
            Optional<String> w = winner(finalVotes);
            if (w.isEmpty() && !finalVotes.isEmpty()) {
                w = tieBrokenByMetadata(finalVotes, metadataOnly);
            }
            if (w.isEmpty()) {
                return metadata(t, false).filter(c -> c.decider().equals("single-class") || c.decider().equals("pet-default"))
                        .or(() -> prior(t));
            }
            decidingVotes = finalVotes;
            double share = finalVotes.get(w.get()) / finalVotes.values().stream().mapToDouble(Double::doubleValue).sum();
            return Optional.of(done(w.get(), share, "merged"));
        }

        /** Keyword layer: the first study-level text whose keywords decide. */
        Optional<Decision> descriptions(Technique t) {
            List<String[]> sources = new ArrayList<>();
            sources.add(new String[]{"StudyDescription", nz(study.studyDescription())});
            sources.add(new String[]{"RequestedProcedureDescription", nz(study.requestedProcedureDescription())});
            sources.add(new String[]{"PerformedProcedureStepDescription", nz(study.performedProcedureStepDescription())});
            for (ProcedureCode pc : study.procedureCodes()) {
                sources.add(new String[]{"ProcedureCodeMeaning", nz(pc.codeMeaning())});
            }
            for (String[] s : sources) {
                if (s[1].isBlank()) {
                    continue;
                }
                for (List<String> group : t.groups()) {
                    TextVotes tv = textVotes(s[0], s[1], mapping.classesOf(group), false);
                    if (tv.votes().isEmpty()) {
                        continue;
                    }
                    Map<String, Double> resolved = rulesOn(tv.votes());
                    Optional<String> w = winner(resolved);
                    if (w.isEmpty()) {
                        Map<String, Double> series = seriesVotes(t);
                        Map<String, Double> tied = new LinkedHashMap<>();
                        double max = resolved.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                        resolved.forEach((c, v) -> {
                            if (v == max) {
                                tied.put(c, series.getOrDefault(c, 0.0));
                            }
                        });
                        w = winner(tied);
                        if (w.isPresent()) {
                            notes.add("tie in " + s[0] + " broken by series votes");
                        } else {
                            w = Optional.of(tied.keySet().iterator().next());
                            notes.add("tie in " + s[0] + ": first mentioned region chosen");
                        }
                    }
                    double total = resolved.values().stream().mapToDouble(Double::doubleValue).sum();
                    double share = resolved.get(w.get()) / total;
                    boolean partial = tv.partial().contains(w.get()) && !tv.full().contains(w.get());
                    decidingVotes = resolved;
                    return Optional.of(new Decision(w.get(), (partial ? 0.75 : 0.95) * Math.max(0.5, share), partial));
                }
            }
            return Optional.empty();
        }

        Map<String, Double> seriesVotes(Technique t) {
            Map<String, Double> votes = new LinkedHashMap<>();
            int i = 0;
            for (SeriesRecord s : study.series()) {
                i++;
                if (!votes(s)) {
                    continue;
                }
                for (List<String> group : t.groups()) {
                    Set<String> classes = mapping.classesOf(group);
                    Map<String, Double> own = new LinkedHashMap<>();
                    String tag = "[" + (s.seriesNumber() > 0 ? s.seriesNumber() : i) + "]";
                    for (String[] f : new String[][]{{"SeriesDescription", nz(s.seriesDescription())},
                            {"ProtocolName", nz(s.protocolName())}, {"BodyPartExamined", nz(s.bodyPartExamined())}}) {
                        if (!f[1].isBlank()) {
                            textVotes(f[0] + tag, f[1], classes, true).votes().forEach((c, w) -> own.merge(c, w, Double::sum));
                        }
                    }
                    if (!own.isEmpty()) {
                        Map<String, Double> r = rulesOn(own, false);
                        String best = winner(r).orElse(r.keySet().iterator().next());
                        votes.merge(best, 1.0, Double::sum);
                        break;
                    }
                }
            }
            return rulesOn(votes);
        }

        Map<String, Double> networkVotes(Technique t) {
            double threshold = mapping.setting(MappingContent.NETWORK_CONFIDENCE_THRESHOLD, 0.0);
            Map<String, Double> votes = new LinkedHashMap<>();
            Set<String> ruledOut = ruledOutByGeometry(t);
            for (SeriesVote v : voter.votes(study)) {
                if (v.confidence() < threshold || mapping.studyClass(v.classCode()).isEmpty()) {
                    continue;
                }
                if (ruledOut.contains(v.classCode())) {
                    notes.add("network vote " + v.classCode() + " of series " + v.seriesInstanceUid()
                            + " dropped: the acquisition rules that class out");
                    continue;
                }
                votes.merge(pet(t, v.classCode()), v.confidence(), Double::sum);
            }
            if (!votes.isEmpty()) {
                notes.add("network votes " + votes);
            }
            boolean withRules = Boolean.parseBoolean(mapping.setting(MappingContent.NETWORK_VOTE_RULES).orElse("false"));
            return withRules ? rulesOn(votes) : votes;
        }

        /**
         * Classes the acquisition itself rules out (a body-sized field or feet-first position rules out the head
         * classes named by {@code geometry.not_head.<modality>}): a network must not vote for them either, since
         * metadata facts outrank a picture-based guess.
         */
        Set<String> ruledOutByGeometry(Technique t) {
            String modality = t.groups().get(0).get(0);
            Optional<String> classes = mapping.setting(MappingContent.GEOMETRY_NOT_HEAD_PREFIX + modality);
            if (classes.isEmpty() || BodySizedField.of(study, modality).isEmpty()) {
                return Set.of();
            }
            return Set.of(classes.get().trim().split("[\\s,;]+"));
        }

        long countVotingSeries() {
            return study.series().stream().filter(this::votes).count();
        }

        boolean votes(SeriesRecord s) {
            String m = nz(s.modality()).toUpperCase(Locale.ROOT);
            if (NON_IMAGE.contains(m) && !m.equals("OT") && !m.equals("SC")) {
                return false;
            }
            return !mapping.seriesBlacklisted(MappingText.tokens(s.seriesDescription()));
        }

        record TextVotes(Map<String, Double> votes, Set<String> full, Set<String> partial) {
        }

        TextVotes textVotes(String source, String value, Set<String> classes, boolean seriesScope) {
            KeywordIndex index = mapping.index(classes, seriesScope);
            List<String> tokens = mapping.reduce(MappingText.tokens(value));
            Map<String, Double> votes = new LinkedHashMap<>();
            Set<String> full = new java.util.HashSet<>();
            Set<String> partial = new java.util.HashSet<>();
            for (KeywordIndex.Match m : index.match(tokens)) {
                double w = (m.partial() ? 0.5 : 1.0) / m.phrase().classes().size();
                for (String c : m.phrase().classes()) {
                    votes.merge(c, w, Double::sum);
                    (m.partial() ? partial : full).add(c);
                    matches.add(new Classification.KeywordMatch(source, value, m.phrase().text(), c, m.partial()));
                }
            }
            return new TextVotes(votes, full, partial);
        }

        Map<String, Double> rulesOn(Map<String, Double> votes) {
            return rulesOn(votes, true);
        }

        Map<String, Double> rulesOn(Map<String, Double> votes, boolean record) {
            if (votes.isEmpty()) {
                return new LinkedHashMap<>();
            }
            RuleEngine.Outcome o = mapping.rules().apply(votes);
            if (record) {
                rulesApplied.addAll(o.applied());
            }
            if (o.absolute().isPresent()) {
                Map<String, Double> only = new LinkedHashMap<>();
                only.put(o.absolute().get(), o.votes().values().stream().mapToDouble(Double::doubleValue).sum());
                return only;
            }
            return new LinkedHashMap<>(o.votes());
        }

        /** The class with the most votes; none on a tie and when there are no votes. */
        /**
         * A tie in the merged vote (typically one metadata vote against one confident network vote) is decided by the
         * metadata among the tied classes: the study's own text names a region, the network only resembles one.
         * Falling back to the modality prior instead would discard both.
         */
        Optional<String> tieBrokenByMetadata(Map<String, Double> merged, Map<String, Double> metadata) {
            double max = merged.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            Map<String, Double> tied = new LinkedHashMap<>();
            merged.forEach((c, v) -> {
                if (Math.abs(v - max) <= 1e-9) {
                    tied.put(c, metadata.getOrDefault(c, 0.0));
                }
            });
            Optional<String> w = winner(tied);
            w.ifPresent(c -> notes.add("tie in the merged vote broken by the metadata votes: " + c));
            return w;
        }

        Optional<String> winner(Map<String, Double> votes) {
            String best = null;
            double max = 0;
            boolean tie = false;
            for (var e : votes.entrySet()) {
                if (e.getValue() > max + 1e-9) {
                    best = e.getKey();
                    max = e.getValue();
                    tie = false;
                } else if (max > 0 && Math.abs(e.getValue() - max) <= 1e-9) {
                    tie = true;
                }
            }
            return tie ? Optional.empty() : Optional.ofNullable(best);
        }

        String pet(Technique t, String regionClass) {
            if (!t.pet()) {
                return regionClass;
            }
            Optional<String> p = mapping.petClass(regionClass);
            if (p.isPresent()) {
                notes.add("PET map " + regionClass + " -> " + p.get());
                return p.get();
            }
            return regionClass;
        }

        Technique technique() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (SeriesRecord s : study.series()) {
                boolean known = false;
                for (String m : nz(s.modality()).toUpperCase(Locale.ROOT).split("[^A-Z]+")) {
                    if (!m.isEmpty() && !NON_IMAGE.contains(m)) {
                        counts.merge(m, 1, Integer::sum);
                        known |= mapping.remapped(m);
                    }
                }
                if (!known && !s.instances().isEmpty()) {
                    // Modality OT or missing: the SOP class still tells what kind of image it is
                    String m = SopClassModality.of(s.instances().get(0).sopClassUid());
                    if (m == null) {
                        m = SopClassModality.ofVideoCapture(s.instances().get(0));
                    }
                    if (m != null) {
                        counts.merge(m, 1, Integer::sum);
                        notes.add("modality " + m + " from the SOP class of series " + s.seriesInstanceUid());
                    }
                }
            }
            List<String> tokens = MappingText.tokens(nz(study.studyDescription()) + " "
                    + nz(study.requestedProcedureDescription()));
            String hinted = null;
            boolean mrHint = false;
            boolean petHint = false;
            for (String tok : tokens) {
                String m = DESCRIPTION_MODALITY.get(tok);
                if (m != null && hinted == null) {
                    hinted = m;
                }
                mrHint |= "MR".equals(m);
                petHint |= "PT".equals(m);
            }
            String source = null;
            for (SeriesRecord s : study.series()) {
                for (String tok : MappingText.tokens(nz(s.seriesDescription()) + " " + nz(s.bodyPartExamined()))) {
                    if (MAMMOGRAPHY.contains(tok) && mapping.remapped("MG")) {
                        source = "MG"; // breast tomosynthesis and mammograms stored under another modality
                    }
                }
            }
            for (String m : counts.keySet()) {
                if (mapping.remapped(m) && mapping.targets(m).get(0).contains("PT")) {
                    source = m;
                }
            }
            if (source == null) {
                int best = 0;
                for (var e : counts.entrySet()) {
                    if (mapping.remapped(e.getKey()) && e.getValue() > best) {
                        source = e.getKey();
                        best = e.getValue();
                    }
                }
            }
            if (source == null && hinted != null) {
                source = hinted;
                notes.add("modality from the description: " + hinted);
            }
            if (source == null) {
                source = counts.isEmpty() ? "" : counts.keySet().iterator().next();
            }
            boolean pet = mapping.targets(source).get(0).contains("PT")
                    || (petHint && (source.equals("CT") || source.equals("MR")));
            if (pet) {
                String companion = counts.containsKey("MR") || mrHint || source.equals("MR") ? "MR" : "CT";
                notes.add("PET study (" + source + "), region from its " + companion + " companion");
                return new Technique(source, mapping.targets(companion), true, companion);
            }
            List<List<String>> groups = mapping.targets(source);
            if (!groups.get(0).contains(source) || groups.size() > 1) {
                notes.add("modality " + source + " takes classes of " + groups);
            }
            return new Technique(source, groups, false, "");
        }

        Classification done(String code, double confidence, String decider) {
            return new Classification(study.studyInstanceUid(), Optional.of(code), clamp(confidence), decider,
                    new Classification.Evidence(matches, decidingVotes, rulesApplied, notes));
        }

        Classification none() {
            return new Classification(study.studyInstanceUid(), Optional.empty(), 0.0, Classification.NONE,
                    new Classification.Evidence(matches, decidingVotes, rulesApplied, notes));
        }
    }

    private record Decision(String classCode, double confidence, boolean partial) {
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
