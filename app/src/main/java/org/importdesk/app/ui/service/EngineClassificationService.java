package org.importdesk.app.ui.service;

import org.importdesk.engine.classify.Classification;
import org.importdesk.engine.classify.ClassifierMode;
import org.importdesk.engine.classify.CompiledMapping;
import org.importdesk.engine.classify.NetworkVoter;
import org.importdesk.engine.classify.StudyClassifier;
import org.importdesk.engine.media.StudyRecord;
import org.importdesk.mapping.MappingContent;
import org.importdesk.mapping.MinorError;
import org.importdesk.mapping.StudyClass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * MOMO's classifier over the mapping database's current content. The content is read again after each change a
 * team lead saves ({@link #reload()}), so proposals follow the table.
 */
public final class EngineClassificationService implements ClassificationService {

    private final Supplier<MappingContent> source;
    private final Supplier<NetworkVoter> voterSource;
    private final ClassifierMode mode;
    private NetworkVoter voter;
    private volatile StudyClassifier classifier;
    private volatile MappingContent content;

    /**
     * @param voterSource the network voter, asked for on the first classification (loading the networks takes a
     *                    while: never at start-up, never on the FX thread)
     */
    public EngineClassificationService(Supplier<MappingContent> source, Supplier<NetworkVoter> voterSource,
                                       ClassifierMode mode) {
        this.source = source;
        this.voterSource = voterSource;
        this.mode = mode;
    }

    /** Forgets the compiled table: the next call reads the database again. */
    public void reload() {
        classifier = null;
        content = null;
    }

    private synchronized StudyClassifier classifier() {
        if (classifier == null) {
            if (voter == null) {
                NetworkVoter v = mode == ClassifierMode.METADATA ? NetworkVoter.NONE : voterSource.get();
                voter = v instanceof org.importdesk.engine.inference.ModelNetworkVoter m ? new ExplainedVotes(m) : v;
            }
            content = source.get();
            classifier = new StudyClassifier(new CompiledMapping(content), voter, mode);
        }
        return classifier;
    }

    private MappingContent content() {
        classifier();
        return content;
    }

    @Override
    public Proposal propose(StudyRecord study) {
        Classification c = classifier().classify(study);
        List<String> reasons = new ArrayList<>();
        for (Classification.KeywordMatch m : c.evidence().matches()) {
            reasons.add(m.source() + " '" + m.value() + "' matched '" + m.keyword() + "' → " + m.classCode()
                    + (m.partial() ? " (tolerating a typo)" : ""));
        }
        reasons.addAll(c.evidence().notes());
        if (voter instanceof ExplainedVotes explained) {
            // what each series' network said, or why it did not vote (from the same inference the vote used)
            for (var o : explained.last(study)) {
                String series = study.series().stream().filter(s -> s.seriesInstanceUid().equals(o.seriesInstanceUid()))
                        .map(s -> s.modality() + " " + s.seriesNumber() + " '" + s.seriesDescription() + "'").findFirst()
                        .orElse(o.seriesInstanceUid());
                reasons.add(o.vote().map(v -> "network: " + series + " votes " + v.classCode()
                        + String.format(java.util.Locale.ROOT, " (%.0f %%)", v.confidence() * 100))
                        .orElse("network: " + series + " does not vote: " + o.reason()));
            }
        }
        return new Proposal(c.classCode(), c.confidence(), c.decider(), reasons, c.evidence().votes(),
                c.evidence().rulesApplied());
    }

    @Override
    public List<ClassChoice> classes(String language) {
        boolean german = "de".equals(language);
        return content().classes().stream().filter(StudyClass::active)
                .map(c -> new ClassChoice(c.code(), german && !c.nameDe().isBlank() ? c.nameDe() : c.nameEn(), c.modality()))
                .sorted(Comparator.comparing(ClassChoice::code))
                .toList();
    }

    /** The more general classes (where this one would be a minor error) first, then the more specific ones. */
    @Override
    public List<String> neighbours(String code) {
        Set<String> out = new LinkedHashSet<>();
        List<MinorError> pairs = content().minorErrors();
        for (MinorError m : pairs) {
            if (m.trueClass().equals(code)) {
                out.add(m.predictedClass());
            }
        }
        for (MinorError m : pairs) {
            if (m.predictedClass().equals(code)) {
                out.add(m.trueClass());
            }
        }
        out.remove(code);
        return List.copyOf(out);
    }

    /** The installed networks' votes, keeping each series' outcome of the last study for the explanation. */
    private static final class ExplainedVotes implements NetworkVoter {
        private final org.importdesk.engine.inference.ModelNetworkVoter networks;
        private final java.util.Map<String, List<org.importdesk.engine.inference.ModelNetworkVoter.SeriesOutcome>> last =
                new java.util.concurrent.ConcurrentHashMap<>();

        ExplainedVotes(org.importdesk.engine.inference.ModelNetworkVoter networks) {
            this.networks = networks;
        }

        @Override
        public List<org.importdesk.engine.classify.SeriesVote> votes(StudyRecord study) {
            var outcomes = networks.explain(study);
            last.clear();
            last.put(study.studyInstanceUid(), outcomes);
            return outcomes.stream().flatMap(o -> o.vote().stream()).toList();
        }

        List<org.importdesk.engine.inference.ModelNetworkVoter.SeriesOutcome> last(StudyRecord study) {
            return last.getOrDefault(study.studyInstanceUid(), List.of());
        }
    }
}
