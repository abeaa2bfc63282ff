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
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * MOMO's classifier over the mapping database's current content. The content is read again after each change a
 * team lead saves ({@link #reload()}), so proposals follow the table.
 */
public final class EngineClassificationService implements ClassificationService {

    private final Supplier<MappingContent> source;
    private final NetworkVoter voter;
    private final ClassifierMode mode;
    private volatile StudyClassifier classifier;
    private volatile MappingContent content;

    public EngineClassificationService(Supplier<MappingContent> source, NetworkVoter voter, ClassifierMode mode) {
        this.source = source;
        this.voter = voter;
        this.mode = mode;
    }

    /** Forgets the compiled table: the next call reads the database again. */
    public void reload() {
        classifier = null;
        content = null;
    }

    private synchronized StudyClassifier classifier() {
        if (classifier == null) {
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

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
