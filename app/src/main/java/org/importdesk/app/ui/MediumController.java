package org.importdesk.app.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.importdesk.app.ui.model.MediumViewModel;
import org.importdesk.app.ui.model.MediumViewModel.StudyRow;
import org.importdesk.app.ui.service.ImportMark;
import org.importdesk.app.ui.service.MediumService;
import org.importdesk.engine.media.SeriesRecord;

import java.util.function.Function;
import java.util.stream.Collectors;

/** Step 2: the medium's patients and studies as they are found, with the health summary first. */
public final class MediumController implements ScreenController {

    private final Workstation ws;
    private final MediumViewModel model;
    @FXML private ProgressBar progress;
    @FXML private Label progressText;
    @FXML private Button cancelButton;
    @FXML private HBox healthCards;
    @FXML private VBox warnings;
    @FXML private TableView<StudyRow> studyTable;
    @FXML private TableColumn<StudyRow, String> patientColumn;
    @FXML private TableColumn<StudyRow, String> birthColumn;
    @FXML private TableColumn<StudyRow, String> idColumn;
    @FXML private TableColumn<StudyRow, String> studyColumn;
    @FXML private TableColumn<StudyRow, String> dateColumn;
    @FXML private TableColumn<StudyRow, String> modalityColumn;
    @FXML private TableColumn<StudyRow, Number> seriesColumn;
    @FXML private TableColumn<StudyRow, Number> imagesColumn;
    @FXML private TableColumn<StudyRow, ImportMark> importColumn;
    @FXML private TitledPane problemsPane;
    @FXML private ListView<String> problemList;
    @FXML private Button openStudyButton;

    public MediumController(Workstation ws) {
        this.ws = ws;
        this.model = ws.mediumModel();
    }

    @FXML
    private void initialize() {
        progress.progressProperty().bind(model.progress);
        progress.visibleProperty().bind(model.reading);
        progressText.textProperty().bind(model.progressText);
        progressText.visibleProperty().bind(model.reading);
        cancelButton.visibleProperty().bind(model.reading);
        text(patientColumn, r -> Formats.personName(r.patient().patientName()));
        text(birthColumn, r -> Formats.date(r.patient().birthDate()));
        text(idColumn, r -> r.patient().patientId());
        text(studyColumn, r -> r.study().studyDescription().isEmpty() ? ws.text("medium.noDescription") : r.study().studyDescription());
        text(dateColumn, r -> Formats.date(r.study().studyDate()));
        text(modalityColumn, r -> r.study().series().stream().map(SeriesRecord::modality).distinct().collect(Collectors.joining(", ")));
        seriesColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().study().series().size()));
        imagesColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().study().instanceCount()));
        // the cell follows the marks map: queue records when the medium is read, then this session's imports live
        importColumn.setCellValueFactory(c -> javafx.beans.binding.Bindings.createObjectBinding(
                () -> model.mark(c.getValue().study().studyInstanceUid()), model.marks));
        importColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ImportMark m, boolean empty) {
                super.updateItem(m, empty);
                getStyleClass().removeAll(MARK_STYLES);
                if (empty || m == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(markText(m));
                getStyleClass().add("mark-" + m.state().name().toLowerCase().replace('_', '-'));
                setTooltip(m.destination().isEmpty() ? null : new Tooltip(ws.text("medium.mark.destination", m.destination())));
            }
        });
        studyTable.setItems(model.studies);
        studyTable.setPlaceholder(new Label(ws.text("medium.waiting")));
        studyTable.setRowFactory(t -> {
            TableRow<StudyRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    choose(row.getItem());
                }
            });
            return row;
        });
        model.studies.addListener((ListChangeListener<StudyRow>) c -> {
            if (studyTable.getSelectionModel().isEmpty() && !model.studies.isEmpty()) {
                studyTable.getSelectionModel().selectFirst();
            }
        });
        // the study the radiographer works on (for example the next one after an import) is the selected row
        ws.session().study.addListener((o, a, study) -> {
            if (study != null) {
                model.studies.stream().filter(r -> r.study().studyInstanceUid().equals(study.studyInstanceUid()))
                        .findFirst().ifPresent(r -> studyTable.getSelectionModel().select(r));
            }
        });
        openStudyButton.disableProperty().bind(studyTable.getSelectionModel().selectedItemProperty().isNull());
        model.content.addListener((o, a, b) -> showHealth(b));
        showHealth(null);
    }

    private static final java.util.List<String> MARK_STYLES = java.util.Arrays.stream(ImportMark.State.values())
            .map(st -> "mark-" + st.name().toLowerCase().replace('_', '-')).toList();

    /** The marker's words (never colour alone): "Imported", "Importing 12 / 89", "Not imported"… */
    String markText(ImportMark m) {
        return switch (m.state()) {
            case NOT_IMPORTED -> ws.text("medium.mark.none");
            case QUEUED -> ws.text("medium.mark.queued");
            case IMPORTING -> ws.text("medium.mark.importing", m.done(), m.total());
            case IMPORTED -> ws.text("medium.mark.imported");
            case INTERRUPTED -> ws.text("medium.mark.interrupted", m.done(), m.total());
            case FAILED -> ws.text("medium.mark.failed", m.done(), m.total());
        };
    }

    /** The marker text the table shows for the study (for tests and screen readers). FX thread. */
    public String markText(String studyUid) {
        return markText(model.mark(studyUid));
    }

    private static <T> void text(TableColumn<StudyRow, T> column, Function<StudyRow, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    private void showHealth(MediumService.MediumContent c) {
        healthCards.getChildren().clear();
        warnings.getChildren().clear();
        problemList.getItems().clear();
        problemsPane.setVisible(c != null && !c.problems().isEmpty());
        problemsPane.setManaged(problemsPane.isVisible());
        warnings.setVisible(c != null && !c.warnings().isEmpty());
        warnings.setManaged(warnings.isVisible());
        if (c == null) {
            return;
        }
        healthCards.getChildren().addAll(
                card(ws.text("health.patients"), c.patients().size(), c.patients().size() > 1),
                card(ws.text("health.studies"), c.studies(), false),
                card(ws.text("health.series"), c.series(), false),
                card(ws.text("health.images"), c.instances(), false),
                card(ws.text("health.unreadable"), c.unreadable(), c.unreadable() > 0),
                card(ws.text("health.notPreviewable"), c.notPreviewable(), c.notPreviewable() > 0),
                card(ws.text("health.notDicom"), c.notDicom(), false));
        for (String w : c.warnings()) {
            Label l = new Label("⚠  " + w);
            l.getStyleClass().add("warning-text");
            l.setWrapText(true);
            warnings.getChildren().add(l);
        }
        problemList.getItems().setAll(c.problems());
        if (!c.complete()) {
            Label l = new Label("⚠  " + ws.text("medium.incomplete"));
            l.getStyleClass().add("warning-text");
            warnings.getChildren().add(l);
            warnings.setVisible(true);
            warnings.setManaged(true);
        }
    }

    private Node card(String label, int value, boolean attention) {
        Label v = new Label(Integer.toString(value));
        v.getStyleClass().add("health-value");
        Label l = new Label(label);
        l.getStyleClass().add("health-label");
        VBox box = new VBox(2, v, l);
        box.getStyleClass().addAll("health-card", attention ? "attention" : "normal");
        box.setId("health-" + label.toLowerCase().replace(' ', '-'));
        return box;
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void openStudy() {
        StudyRow r = studyTable.getSelectionModel().getSelectedItem();
        if (r != null) {
            choose(r);
        }
    }

    private void choose(StudyRow r) {
        if (model.reading.get()) {
            // the snapshot of a study still being read is partial: wait for the complete record
            ws.notifyUser(ws.text("medium.stillReading"));
            return;
        }
        ws.session().studyChosen(r.patient(), r.study());
        ws.show(Screen.STUDY);
    }

    @Override
    public Node focusTarget() {
        return studyTable;
    }
}
