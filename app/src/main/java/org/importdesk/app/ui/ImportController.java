package org.importdesk.app.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.importdesk.app.ui.service.ImportService;
import org.importdesk.engine.media.StudyRecord;

import java.nio.file.Path;

/**
 * Step 6: sending with progress per study and the retries visible, then a clear final state. Sending starts when
 * the screen comes up with a confirmed class and patient; Enter goes on to the next study of the medium.
 */
public final class ImportController implements ScreenController {

    /** One study's import as the table shows it. */
    public static final class Row {
        final String study;
        final DoubleProperty progress = new SimpleDoubleProperty(-1);
        final StringProperty state = new SimpleStringProperty();

        Row(String study, String state) {
            this.study = study;
            this.state.set(state);
        }

        public DoubleProperty progressProperty() {
            return progress;
        }

        public StringProperty stateProperty() {
            return state;
        }
    }

    private final Workstation ws;
    private StudyRecord sentStudy;
    private Task<ImportService.Result> running;

    @FXML private Label summary;
    @FXML private Label unavailable;
    @FXML private TableView<Row> importTable;
    @FXML private TableColumn<Row, String> studyColumn;
    @FXML private TableColumn<Row, Number> progressColumn;
    @FXML private TableColumn<Row, String> stateColumn;
    @FXML private VBox finalBox;
    @FXML private Label finalText;
    @FXML private ListView<String> problems;
    @FXML private Button sendButton;
    @FXML private Button nextButton;

    public ImportController(Workstation ws) {
        this.ws = ws;
    }

    @FXML
    private void initialize() {
        boolean available = ws.services().importer().isPresent();
        unavailable.setVisible(!available);
        unavailable.setManaged(!available);
        studyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().study));
        progressColumn.setCellValueFactory(c -> c.getValue().progress);
        progressColumn.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            {
                bar.setMaxWidth(Double.MAX_VALUE);
            }

            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                if (empty || v == null) {
                    setGraphic(null);
                } else {
                    bar.setProgress(v.doubleValue());
                    setGraphic(bar);
                }
            }
        });
        stateColumn.setCellValueFactory(c -> c.getValue().state);
        importTable.setPlaceholder(new Label(ws.text(available ? "import.nothingYet" : "import.unavailable")));
        finalBox.setVisible(false);
        finalBox.setManaged(false);
        sendButton.setDisable(!available);
    }

    @Override
    public void shown() {
        StudyRecord s = ws.session().study.get();
        var p = ws.session().confirmedPatient.get();
        var c = ws.session().confirmedClass.get();
        if (s == null || p == null || c == null) {
            return;
        }
        summary.setText(ws.text("import.summary", s.studyDescription(), c.code() + " " + c.name(),
                Formats.personName(p.name()) + " · " + p.patientId()));
        if (s != sentStudy && ws.services().importer().isPresent() && (running == null || !running.isRunning())) {
            send();
        }
    }

    @FXML
    private void send() {
        StudyRecord s = ws.session().study.get();
        var p = ws.session().confirmedPatient.get();
        var c = ws.session().confirmedClass.get();
        if (s == null || p == null || c == null || ws.services().importer().isEmpty() || (running != null && running.isRunning())) {
            return;
        }
        ImportService service = ws.services().importer().get();
        sentStudy = s;
        Row row = new Row(s.studyDescription() + "  (" + s.instanceCount() + ")", ws.text("import.waiting"));
        importTable.getItems().add(0, row);
        finalBox.setVisible(false);
        finalBox.setManaged(false);
        Path medium = ws.session().source.get();
        var proposal = ws.session().proposal.get();
        ImportService.Request request = new ImportService.Request(s, c.code(), c.name(),
                proposal == null ? "" : proposal.classCode().orElse(""), ws.session().patient.get(), p,
                ws.session().user.get(), medium == null ? "" : medium.toString());
        Task<ImportService.Result> t = new Task<>() {
            @Override
            protected ImportService.Result call() throws Exception {
                updateTitle(ws.text("task.send"));
                return service.send(request, (sent, failed, total, retries, message) -> {
                    updateProgress(sent + failed, Math.max(1, total));
                    updateMessage(ws.text("import.sent", sent, total) + (retries > 0 ? " · " + ws.text("import.retries", retries) : "")
                            + (message == null || message.isEmpty() ? "" : " · " + message));
                });
            }

            @Override
            protected void failed() {
                row.progress.unbind();
                row.state.unbind();
                row.state.set(ws.text("import.failed", getException().getMessage()));
                showFinal(false, ws.text("import.failed", getException().getMessage()));
            }
        };
        row.progress.bind(t.progressProperty());
        row.state.bind(t.messageProperty());
        // the medium's study table marks the study live: queued, then importing n / N, then the outcome
        var marks = ws.mediumModel();
        String uid = s.studyInstanceUid();
        marks.importQueued(uid, s.instanceCount());
        t.progressProperty().addListener((o, a, b) -> {
            if (t.isRunning() && t.getTotalWork() > 0) {
                marks.importProgress(uid, (int) t.getWorkDone(), (int) t.getTotalWork());
            }
        });
        t.setOnFailed(e -> marks.importStopped(uid));
        running = t;
        ws.tasks().run(t, result -> {
            row.progress.unbind();
            row.state.unbind();
            row.progress.set(result.total() == 0 ? 1 : (double) (result.sent() + result.alreadyPresent()) / result.total());
            String text = switch (result.outcome()) {
                case COMPLETE -> ws.text("import.complete", result.sent() + result.alreadyPresent(), result.total());
                case PARTIAL -> ws.text("import.partial", result.failed());
                case FAILED -> ws.text("import.failed", String.join("; ", result.problems()));
            };
            var commitment = result.commitment();
            if (commitment.requestedAtAll()) {
                text += " " + ws.text("import.commitment." + commitment.state().code(), commitment.committed(),
                        commitment.requested(), commitment.failures().size());
            }
            row.state.set(text + (result.retries() > 0 ? " · " + ws.text("import.retries", result.retries()) : ""));
            problems.getItems().setAll(result.problems());
            showFinal(result.finished(), text);
            marks.importFinished(uid, result);
            if (result.finished()) {
                ws.session().importedStudies.add(s.studyInstanceUid());
            }
            ws.session().lastImport.set(result);
        });
    }

    private void showFinal(boolean ok, String text) {
        finalText.setText(text);
        finalBox.getStyleClass().removeAll("ok-box", "error-box");
        finalBox.getStyleClass().add(ok ? "ok-box" : "error-box");
        finalText.getStyleClass().setAll("label", ok ? "ok-text" : "error-text");
        problems.setVisible(!problems.getItems().isEmpty());
        problems.setManaged(problems.isVisible());
        finalBox.setVisible(true);
        finalBox.setManaged(true);
    }

    /**
     * The next study of the medium not yet imported (in the medium screen's order, after the one just sent, wrapping
     * around); the medium screen when all are imported, the source screen without a medium.
     */
    @FXML
    private void next() {
        if (running != null && running.isRunning()) {
            return;
        }
        StudyRecord current = ws.session().study.get();
        var following = nextStudy(ws.mediumModel().studies, current, ws.session().importedStudies);
        if (following.isPresent()) {
            ws.session().studyChosen(following.get().patient(), following.get().study());
            ws.show(Screen.STUDY);
            return;
        }
        ws.session().studyChosen(null, null);
        if (ws.session().medium.get() == null) {
            ws.show(Screen.SOURCE);
        } else {
            ws.show(Screen.MEDIUM);
            ws.notifyUser(ws.text("import.allDone"));
        }
    }

    /** The first row after the current study (wrapping around, the current one last) whose study is not imported. */
    static java.util.Optional<org.importdesk.app.ui.model.MediumViewModel.StudyRow> nextStudy(
            java.util.List<org.importdesk.app.ui.model.MediumViewModel.StudyRow> rows, StudyRecord current,
            java.util.Set<String> imported) {
        int at = -1;
        for (int i = 0; i < rows.size() && current != null; i++) {
            if (rows.get(i).study().studyInstanceUid().equals(current.studyInstanceUid())) {
                at = i;
                break;
            }
        }
        for (int k = 1; k <= rows.size(); k++) {
            var row = rows.get(Math.floorMod(at + k, rows.size()));
            String uid = row.study().studyInstanceUid();
            if (!imported.contains(uid)) {
                return java.util.Optional.of(row);
            }
        }
        return java.util.Optional.empty();
    }

    public TableView<Row> table() {
        return importTable;
    }

    @Override
    public Node focusTarget() {
        return nextButton;
    }
}
