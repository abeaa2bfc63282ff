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

    private final MediumService service;
    private final TaskRunner tasks;
    private Task<MediumService.MediumContent> current;

    public MediumViewModel(MediumService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
    }

    /** Starts reading; studies stream into {@link #studies}. FX thread. */
    public Task<MediumService.MediumContent> open(Path source, String title) {
        cancel();
        studies.clear();
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
