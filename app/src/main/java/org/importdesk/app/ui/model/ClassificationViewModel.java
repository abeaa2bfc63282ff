package org.importdesk.app.ui.model;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.importdesk.app.ui.TaskRunner;
import org.importdesk.app.ui.service.ClassificationService;
import org.importdesk.app.ui.service.ClassificationService.ClassChoice;
import org.importdesk.app.ui.service.ClassificationService.Proposal;
import org.importdesk.engine.media.StudyRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The classification screen's state: MOMO's proposal, and the class picker: the proposal and its minor-error
 * neighbours first, then every class; the search filters both.
 */
public final class ClassificationViewModel {

    /** A row of the picker: a section header or a class. */
    public record PickerRow(String header, ClassChoice choice, boolean neighbour) {
        public boolean isHeader() {
            return header != null;
        }
    }

    public final ObjectProperty<Proposal> proposal = new SimpleObjectProperty<>();
    public final ObservableList<PickerRow> rows = FXCollections.observableArrayList();
    public final StringProperty filter = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty();
    public final BooleanProperty available;

    private final Optional<ClassificationService> service;
    private final TaskRunner tasks;
    private final String language;
    private final String neighboursHeader;
    private final String allHeader;
    private List<ClassChoice> classes = List.of();
    private List<String> neighbours = List.of();
    private Proposal proposed;

    public ClassificationViewModel(Optional<ClassificationService> service, TaskRunner tasks, String language,
                                   String neighboursHeader, String allHeader) {
        this.service = service;
        this.tasks = tasks;
        this.language = language;
        this.neighboursHeader = neighboursHeader;
        this.allHeader = allHeader;
        this.available = new SimpleBooleanProperty(service.isPresent());
        filter.addListener((o, a, b) -> rebuild());
    }

    private record Loaded(Proposal proposal, List<ClassChoice> classes, List<String> neighbours) {
    }

    /** Classifies the study off the FX thread. */
    public void load(StudyRecord study, String title) {
        proposal.set(null);
        proposed = null;
        rows.clear();
        if (service.isEmpty()) {
            return;
        }
        ClassificationService s = service.get();
        busy.set(true);
        Task<Loaded> t = new Task<>() {
            @Override
            protected Loaded call() throws Exception {
                updateTitle(title);
                Proposal p = s.propose(study);
                List<ClassChoice> all = s.classes(language);
                List<String> near = p.classCode().isPresent() ? s.neighbours(p.classCode().get()) : List.of();
                return new Loaded(p, all, near);
            }

            @Override
            protected void failed() {
                busy.set(false);
            }
        };
        tasks.run(t, loaded -> {
            classes = loaded.classes();
            neighbours = loaded.neighbours();
            proposed = loaded.proposal();
            filter.set("");
            rebuild();
            // listeners of the proposal see the picker already built
            proposal.set(loaded.proposal());
            busy.set(false);
        });
    }

    public Optional<ClassChoice> choice(String code) {
        return classes.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    private void rebuild() {
        String f = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        List<PickerRow> out = new ArrayList<>();
        List<String> first = new ArrayList<>();
        Proposal p = proposed;
        if (p != null && p.classCode().isPresent()) {
            first.add(p.classCode().get());
        }
        neighbours.stream().filter(n -> !first.contains(n)).forEach(first::add);
        List<PickerRow> near = new ArrayList<>();
        for (String code : first) {
            choice(code).filter(c -> matches(c, f)).ifPresent(c -> near.add(new PickerRow(null, c, true)));
        }
        if (!near.isEmpty()) {
            out.add(new PickerRow(neighboursHeader, null, false));
            out.addAll(near);
        }
        List<PickerRow> rest = classes.stream().filter(c -> !first.contains(c.code())).filter(c -> matches(c, f))
                .map(c -> new PickerRow(null, c, false)).toList();
        if (!rest.isEmpty()) {
            out.add(new PickerRow(allHeader, null, false));
            out.addAll(rest);
        }
        rows.setAll(out);
    }

    private static boolean matches(ClassChoice c, String f) {
        if (f.isEmpty()) {
            return true;
        }
        String text = (c.code() + " " + c.name() + " " + c.modality()).toLowerCase(Locale.ROOT);
        for (String word : f.split("\\s+")) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
