package org.importdesk.app.ui;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the workstation's DICOM, network and inference work off the FX thread as {@link Task}s, listed while they run
 * (the TaskProgressView shows them) and reported when they fail.
 */
public final class TaskRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    private final ExecutorService tasks;
    private final ExecutorService images;
    private Consumer<String> onFailure = m -> { };

    public TaskRunner() {
        AtomicInteger n = new AtomicInteger();
        this.tasks = Executors.newCachedThreadPool(r -> daemon(r, "importdesk-task-" + n.incrementAndGet()));
        int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger m = new AtomicInteger();
        this.images = Executors.newFixedThreadPool(cores, r -> daemon(r, "importdesk-images-" + m.incrementAndGet()));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The tasks now running; change only on the FX thread. */
    public ObservableList<Task<?>> running() {
        return running;
    }

    /** The pool for thumbnails, frames and MIPs (small, many). */
    public ExecutorService images() {
        return images;
    }

    public void setOnFailure(Consumer<String> onFailure) {
        this.onFailure = onFailure;
    }

    /** Starts the task; {@code done} runs on the FX thread with its value when it succeeds. */
    public <T> Task<T> run(Task<T> task, Consumer<T> done) {
        Runnable start = () -> {
            running.add(task);
            task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> {
                running.remove(task);
                done.accept(task.getValue());
            });
            task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
                running.remove(task);
                Throwable t = task.getException();
                // the step's title only at WARN; the cause may name a study or a file, so it stays at DEBUG
                LOG.warn("background task failed: {} ({})", task.getTitle(), t == null ? "?" : t.getClass().getSimpleName());
                LOG.debug("background task failure", t);
                onFailure.accept(task.getTitle() + ": " + (t == null ? "failed" : t.getMessage() == null ? t.toString() : t.getMessage()));
            });
            task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> running.remove(task));
            tasks.submit(task);
        };
        if (Platform.isFxApplicationThread()) {
            start.run();
        } else {
            Platform.runLater(start);
        }
        return task;
    }

    @Override
    public void close() {
        tasks.shutdownNow();
        images.shutdownNow();
    }
}
