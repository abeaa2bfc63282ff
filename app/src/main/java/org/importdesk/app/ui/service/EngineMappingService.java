package org.importdesk.app.ui.service;

import org.importdesk.engine.classify.ClassifierMode;
import org.importdesk.engine.classify.CompiledMapping;
import org.importdesk.engine.classify.NetworkVoter;
import org.importdesk.engine.classify.StudyClassifier;
import org.importdesk.mapping.ChangeLogEntry;
import org.importdesk.mapping.MappingContent;
import org.importdesk.mapping.MappingStore;
import org.importdesk.mapping.ValidationFinding;
import org.importdesk.mapping.io.MomoSpreadsheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The mapping editor over {@link MappingStore}, replaying drafts against the {@link DecisionLog}. */
public final class EngineMappingService implements MappingService {

    private final Supplier<MappingStore> store;
    private final DecisionLog decisions;
    private final Runnable onSaved;

    /** {@code onSaved} runs after a save or rollback (the classifier reads the table again). */
    public EngineMappingService(Supplier<MappingStore> store, DecisionLog decisions, Runnable onSaved) {
        this.store = store;
        this.decisions = decisions;
        this.onSaved = onSaved;
    }

    @Override
    public MappingContent load() {
        return store.get().load();
    }

    @Override
    public List<ValidationFinding> validate(MappingContent draft) {
        return store.get().validate(draft);
    }

    @Override
    public Replay replay(MappingContent draft) {
        StudyClassifier before = new StudyClassifier(new CompiledMapping(load()), NetworkVoter.NONE, ClassifierMode.METADATA);
        StudyClassifier after = new StudyClassifier(new CompiledMapping(draft), NetworkVoter.NONE, ClassifierMode.METADATA);
        List<DecisionLog.Decision> past;
        try {
            past = decisions.read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the decision log: " + e.getMessage(), e);
        }
        List<ReplayChange> changes = new ArrayList<>();
        for (DecisionLog.Decision d : past) {
            String was = before.classify(d.study()).classCode().orElse("");
            String now = after.classify(d.study()).classCode().orElse("");
            if (was.equals(now)) {
                continue;
            }
            Verdict v = was.equals(d.confirmed()) ? Verdict.BREAKS : now.equals(d.confirmed()) ? Verdict.FIXES : Verdict.CHANGES;
            String modality = d.study().series().isEmpty() ? "" : d.study().series().get(0).modality();
            changes.add(new ReplayChange(d.study().studyDescription(), modality, d.confirmed(), was, now, v));
        }
        return new Replay(past.size(), changes);
    }

    @Override
    public List<ValidationFinding> save(MappingContent draft, String who) {
        List<ValidationFinding> findings = store.get().save(draft, who);
        onSaved.run();
        return findings;
    }

    @Override
    public List<ChangeLogEntry> changes() {
        return store.get().changes();
    }

    @Override
    public void rollback(long changeId, String who) {
        store.get().rollback(changeId, who);
        onSaved.run();
    }

    @Override
    public ImportedSheet importSpreadsheet(Path file) throws Exception {
        MomoSpreadsheet.ImportResult r = MomoSpreadsheet.toContent(load(), MomoSpreadsheet.read(file));
        return new ImportedSheet(r.content(), r.findings());
    }

    @Override
    public void exportSpreadsheet(MappingContent content, Path file) throws Exception {
        MomoSpreadsheet.write(file, MomoSpreadsheet.rows(content));
    }
}
