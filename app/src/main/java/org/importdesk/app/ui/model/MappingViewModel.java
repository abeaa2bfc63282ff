package org.importdesk.app.ui.model;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.importdesk.app.ui.TaskRunner;
import org.importdesk.app.ui.service.MappingService;
import org.importdesk.mapping.BlacklistEntry;
import org.importdesk.mapping.ChangeLogEntry;
import org.importdesk.mapping.Keyword;
import org.importdesk.mapping.MappingContent;
import org.importdesk.mapping.MappingDraft;
import org.importdesk.mapping.ProcedureCodeMapping;
import org.importdesk.mapping.StudyClass;
import org.importdesk.mapping.ValidationFinding;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The mapping editor's state: a draft of the table, its validation findings, the replay of the draft against past
 * decisions and the change history. Saving needs a replay of the very draft being saved.
 */
public final class MappingViewModel {

    public final ObservableList<StudyClass> classes = FXCollections.observableArrayList();
    public final ObservableList<Keyword> keywords = FXCollections.observableArrayList();
    public final ObservableList<ProcedureCodeMapping> procedureCodes = FXCollections.observableArrayList();
    public final ObservableList<BlacklistEntry> blacklist = FXCollections.observableArrayList();
    public final StringProperty rules = new SimpleStringProperty("");
    public final ObservableList<ValidationFinding> findings = FXCollections.observableArrayList();
    public final ObjectProperty<MappingService.Replay> replay = new SimpleObjectProperty<>();
    public final ObservableList<ChangeLogEntry> changes = FXCollections.observableArrayList();
    public final BooleanProperty dirty = new SimpleBooleanProperty();
    /** True when the current draft has been replayed and may be saved. */
    public final BooleanProperty replayed = new SimpleBooleanProperty();
    public final BooleanProperty loaded = new SimpleBooleanProperty();
    /** The editor's latest background task (load, validation, replay, save, rollback, import, export). */
    private final ReadOnlyObjectWrapper<Task<?>> lastTask = new ReadOnlyObjectWrapper<>();

    private final MappingService service;
    private final TaskRunner tasks;
    private MappingContent base = MappingContent.empty();
    private boolean loading;

    public MappingViewModel(MappingService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
        ListChangeListener<Object> edited = c -> edited();
        classes.addListener(edited);
        keywords.addListener(edited);
        procedureCodes.addListener(edited);
        blacklist.addListener(edited);
        rules.addListener((o, a, b) -> edited());
    }

    private void edited() {
        if (!loading) {
            dirty.set(true);
            replayed.set(false);
            replay.set(null);
        }
    }

    /** The draft as a whole: the loaded content with the edited tables; untouched, it equals the loaded content. */
    public MappingContent draft() {
        return MappingDraft.of(base, List.copyOf(classes), List.copyOf(keywords), List.copyOf(procedureCodes),
                List.copyOf(blacklist), rules.get());
    }

    /** The editor's latest background task: what a caller waits for to see an action through. */
    public ReadOnlyObjectProperty<Task<?>> lastTask() {
        return lastTask.getReadOnlyProperty();
    }

    public void load(String title) {
        // one task, so that the content and its change history arrive together
        run(title, () -> new Object[]{service.load(), service.changes()}, r -> {
            show((MappingContent) r[0]);
            @SuppressWarnings("unchecked") List<ChangeLogEntry> ch = (List<ChangeLogEntry>) r[1];
            changes.setAll(ch);
        });
    }

    private void show(MappingContent c) {
        loading = true;
        base = c;
        classes.setAll(c.classes());
        keywords.setAll(c.keywords());
        procedureCodes.setAll(c.procedureCodes());
        blacklist.setAll(c.blacklist());
        rules.set(MappingDraft.rulesText(c.voteRules()));
        loading = false;
        dirty.set(false);
        replayed.set(false);
        replay.set(null);
        findings.clear();
        loaded.set(true);
    }

    public void validate(String title) {
        MappingContent d = draft();
        run(title, () -> service.validate(d), findings::setAll);
    }

    public void replay(String title) {
        MappingContent d = draft();
        run(title, () -> new Object[]{service.validate(d), service.replay(d)}, r -> {
            @SuppressWarnings("unchecked") List<ValidationFinding> f = (List<ValidationFinding>) r[0];
            findings.setAll(f);
            replay.set((MappingService.Replay) r[1]);
            replayed.set(true);
        });
    }

    /** Saves the replayed draft; {@code done} gets the warnings. */
    public void save(String who, String title, Consumer<List<ValidationFinding>> done) {
        if (!replayed.get()) {
            throw new IllegalStateException("replay the draft before saving");
        }
        MappingContent d = draft();
        run(title, () -> {
            List<ValidationFinding> warnings = service.save(d, who);
            return new Object[]{warnings, service.load(), service.changes()};
        }, r -> {
            @SuppressWarnings("unchecked") List<ValidationFinding> w = (List<ValidationFinding>) r[0];
            show((MappingContent) r[1]);
            @SuppressWarnings("unchecked") List<ChangeLogEntry> ch = (List<ChangeLogEntry>) r[2];
            changes.setAll(ch);
            findings.setAll(w);
            done.accept(w);
        });
    }

    public void rollback(long changeId, String who, String title) {
        run(title, () -> {
            service.rollback(changeId, who);
            return new Object[]{service.load(), service.changes()};
        }, r -> {
            show((MappingContent) r[0]);
            @SuppressWarnings("unchecked") List<ChangeLogEntry> ch = (List<ChangeLogEntry>) r[1];
            changes.setAll(ch);
        });
    }

    public void importSheet(Path file, String title) {
        run(title, () -> service.importSpreadsheet(file), sheet -> {
            // the sheet's draft is the base in every part, also those without a table here (remaps, PET map,
            // settings, minor errors, exact descriptions): what the import dropped must stay dropped. Its vote rules
            // are the stored ones it kept, at their stored positions, so the rules text positions against them.
            show(sheet.draft());
            findings.setAll(sheet.findings());
            dirty.set(true);
        });
    }

    public void exportSheet(Path file, String title, Runnable done) {
        MappingContent d = draft();
        run(title, () -> {
            service.exportSpreadsheet(d, file);
            return Boolean.TRUE;
        }, ok -> done.run());
    }

    private <T> void run(String title, Callable<T> work, Consumer<T> done) {
        Task<T> t = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                return work.call();
            }
        };
        lastTask.set(t);
        tasks.run(t, done);
    }
}
