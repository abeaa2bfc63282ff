package org.importdesk.app.ui.model;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.importdesk.app.ui.TaskRunner;
import org.importdesk.app.ui.service.ImportMark;
import org.importdesk.app.ui.service.ImportService;
import org.importdesk.app.ui.service.MediumService;
import org.importdesk.engine.media.PatientRecord;
import org.importdesk.engine.media.StudyRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The medium screen's state: studies as they are found, reading progress, then the health summary. */
public final class MediumViewModel {

    /** One study of the medium with its patient. */
    public record StudyRow(PatientRecord patient, StudyRecord study) {
    }

    public final ObservableList<StudyRow> studies = FXCollections.observableArrayList();
    public final ObjectProperty<MediumService.MediumContent> content = new SimpleObjectProperty<>();
    public final DoubleProperty progress = new SimpleDoubleProperty();
    public final StringProperty progressText = new SimpleStringProperty("");
    public final BooleanProperty reading = new SimpleBooleanProperty();
    /**
     * Import marks by Study Instance UID (as on the medium): what the durable send queue knows from earlier imports,
     * then this session's imports as they run. Studies without an entry are not imported.
     */
    public final javafx.collections.ObservableMap<String, ImportMark> marks = FXCollections.observableHashMap();

    private final MediumService service;
    private final java.util.Optional<ImportService> importer;
    private final TaskRunner tasks;
    private Task<MediumService.MediumContent> current;
    private String marksTitle = "import marks";
    /** Studies this session is importing: their live mark wins over the queue's record. */
    private final java.util.Set<String> live = new java.util.HashSet<>();

    public MediumViewModel(MediumService service, TaskRunner tasks) {
        this(service, java.util.Optional.empty(), tasks);
    }

    public MediumViewModel(MediumService service, java.util.Optional<ImportService> importer, TaskRunner tasks) {
        this.service = service;
        this.importer = importer;
        this.tasks = tasks;
    }

    /** The title of the task that reads the marks (shown in the task list and in its failure message). */
    public void setMarksTitle(String title) {
        this.marksTitle = title;
    }

    /** The study's mark; not imported when nothing is known. FX thread. */
    public ImportMark mark(String studyUid) {
        return marks.getOrDefault(studyUid, ImportMark.NOT_IMPORTED);
    }

    /** This session asked to import the study. FX thread. */
    public void importQueued(String studyUid, int total) {
        live.add(studyUid);
        marks.put(studyUid, ImportMark.queued(total));
    }

    /** Sending goes on. FX thread. */
    public void importProgress(String studyUid, int done, int total) {
        live.add(studyUid);
        marks.put(studyUid, ImportMark.importing(done, total));
    }

    /** The import ended with this result. FX thread. */
    public void importFinished(String studyUid, ImportService.Result result) {
        live.remove(studyUid);
        marks.put(studyUid, ImportMark.fromResult(result));
    }

    /** The import stopped with an error before a result; the queue's record tells what is in the destination. */
    public void importStopped(String studyUid) {
        live.remove(studyUid);
        marks.put(studyUid, new ImportMark(ImportMark.State.FAILED, 0, mark(studyUid).total(), ""));
        refreshMarks(java.util.List.of(studyUid));
    }

    /** Reads the marks of these studies from the send queue, off the FX thread. */
    public void refreshMarks(java.util.Collection<String> studyUids) {
        if (importer.isEmpty() || studyUids.isEmpty()) {
            return;
        }
        ImportService service = importer.get();
        java.util.List<String> uids = java.util.List.copyOf(studyUids);
        Task<java.util.Map<String, ImportMark>> t = new Task<>() {
            @Override
            protected java.util.Map<String, ImportMark> call() throws Exception {
                updateTitle(marksTitle);
                return service.marks(uids);
            }
        };
        tasks.run(t, found -> found.forEach((uid, m) -> {
            if (!live.contains(uid)) {
                marks.put(uid, m);
            }
        }));
    }

    /** Starts reading; studies stream into {@link #studies}. FX thread. */
    public Task<MediumService.MediumContent> open(Path source, String title) {
        cancel();
        studies.clear();
        marks.keySet().retainAll(live);
        content.set(null);
        reading.set(true);
        progress.set(0); // determinate from the start: an indeterminate bar animates on every pulse
        AtomicBoolean cancelled = new AtomicBoolean();
        Task<MediumService.MediumContent> task = new Task<>() {
            private final List<StudyRow> batch = new ArrayList<>();
            private long lastFlush;

            @Override
            protected MediumService.MediumContent call() throws Exception {
                updateTitle(title);
                return service.read(source, new MediumService.Events() {
                    @Override
                    public void progress(int done, int total) {
                        updateProgress(done, Math.max(1, total));
                        updateMessage(done + " / " + total);
                    }

                    @Override
                    public void studyFound(PatientRecord patient, StudyRecord study) {
                        synchronized (batch) {
                            batch.add(new StudyRow(patient, study));
                        }
                        // hand studies over in small batches so the FX thread never gets a flood
                        long now = System.nanoTime();
                        if (now - lastFlush > 50_000_000L) {
                            lastFlush = now;
                            flush();
                        }
                    }
                }, () -> cancelled.get() || isCancelled());
            }

            private void flush() {
                List<StudyRow> rows;
                synchronized (batch) {
                    rows = List.copyOf(batch);
                    batch.clear();
                }
                if (!rows.isEmpty()) {
                    Platform.runLater(() -> studies.addAll(rows));
                }
            }

            @Override
            protected void cancelled() {
                cancelled.set(true);
                reading.set(false);
            }

            @Override
            protected void failed() {
                reading.set(false);
            }
        };
        progress.bind(task.progressProperty());
        progressText.bind(task.messageProperty());
        current = task;
        tasks.run(task, result -> {
            progress.unbind();
            progressText.unbind();
            List<StudyRow> complete = new ArrayList<>();
            for (PatientRecord p : result.patients()) {
                for (StudyRecord s : p.studies()) {
                    complete.add(new StudyRow(p, s));
                }
            }
            replaceRows(complete);
            refreshMarks(complete.stream().map(r -> r.study().studyInstanceUid()).toList());
            content.set(result);
            reading.set(false);
            progress.set(1);
        });
        return task;
    }

    /**
     * Puts the complete records in place of the streamed snapshots row by row (same study, same row), so the table
     * updates only the rows that changed instead of rebuilding all its cells.
     */
    private void replaceRows(List<StudyRow> complete) {
        java.util.Map<String, StudyRow> byUid = new java.util.LinkedHashMap<>();
        complete.forEach(r -> byUid.put(r.study().studyInstanceUid(), r));
        for (int i = studies.size() - 1; i >= 0; i--) {
            StudyRow full = byUid.remove(studies.get(i).study().studyInstanceUid());
            if (full == null) {
                studies.remove(i);
            } else {
                studies.set(i, full);
            }
        }
        studies.addAll(byUid.values());
    }

    public void cancel() {
        if (current != null && current.isRunning()) {
            current.cancel(true);
        }
    }
}
