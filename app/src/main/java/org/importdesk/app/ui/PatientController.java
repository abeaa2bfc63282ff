package org.importdesk.app.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import org.importdesk.app.ui.service.ReconciliationService;
import org.importdesk.app.ui.service.ReconciliationService.Candidate;
import org.importdesk.engine.media.PatientRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Step 5: the local patient: reconciliation candidates with their scores, or the disc's identity kept. */
public final class PatientController implements ScreenController {

    private final Workstation ws;
    private PatientRecord loadedFor;

    @FXML private Label notice;
    @FXML private Label externalName;
    @FXML private Label externalDetails;
    @FXML private TableView<Candidate> candidateTable;
    @FXML private TableColumn<Candidate, Candidate> scoreColumn;
    @FXML private TableColumn<Candidate, String> nameColumn;
    @FXML private TableColumn<Candidate, String> birthColumn;
    @FXML private TableColumn<Candidate, String> sexColumn;
    @FXML private TableColumn<Candidate, String> idColumn;
    @FXML private TableColumn<Candidate, String> accessionColumn;
    @FXML private TableColumn<Candidate, String> sourceColumn;
    @FXML private TableColumn<Candidate, String> whyColumn;
    @FXML private Button confirmButton;

    public PatientController(Workstation ws) {
        this.ws = ws;
    }

    @FXML
    private void initialize() {
        scoreColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        scoreColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Candidate c, boolean empty) {
                super.updateItem(c, empty);
                getStyleClass().removeAll("score-high", "score-mid", "score-low", "score-veto");
                if (empty || c == null) {
                    setText(null);
                    return;
                }
                double v = c.score();
                if (c.vetoed()) {
                    // in words, not as a 0 %: the birth date or sex rules this record out
                    setText(ws.text("patient.vetoed"));
                    getStyleClass().add("score-veto");
                    return;
                }
                if (v < 0) {
                    setText("—");
                    return;
                }
                setText(Formats.percent(v));
                getStyleClass().add(v >= 0.9 ? "score-high" : v >= 0.6 ? "score-mid" : "score-low");
            }
        });
        text(nameColumn, c -> Formats.personName(c.name()));
        text(birthColumn, c -> Formats.date(c.birthDate()));
        text(sexColumn, Candidate::sex);
        text(idColumn, c -> c.patientId() + (c.issuer().isEmpty() ? "" : " (" + c.issuer() + ")"));
        text(accessionColumn, Candidate::accession);
        text(sourceColumn, Candidate::source);
        text(whyColumn, c -> String.join("; ", c.reasons()));
        candidateTable.setRowFactory(t -> {
            TableRow<Candidate> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    confirm();
                }
            });
            return row;
        });
        confirmButton.disableProperty().bind(candidateTable.getSelectionModel().selectedItemProperty().isNull());
        notice.setVisible(false);
        notice.setManaged(false);
    }

    private static void text(TableColumn<Candidate, String> column, Function<Candidate, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    @Override
    public void shown() {
        PatientRecord p = ws.session().patient.get();
        if (p == null || p == loadedFor) {
            return;
        }
        loadedFor = p;
        externalName.setText(Formats.personName(p.patientName()));
        externalDetails.setText(ws.text("header.patientDetails", Formats.date(p.birthDate()), p.sex(), p.patientId(),
                p.issuerOfPatientId().isEmpty() ? "-" : p.issuerOfPatientId()));
        Candidate keep = new Candidate(p.patientId(), p.issuerOfPatientId(), p.patientName(), p.birthDate(), p.sex(),
                ws.session().study.get() == null ? "" : ws.session().study.get().accessionNumber(), -1,
                ws.text("patient.sourceDisc"), List.of(ws.text("patient.keepExternal")), false, false);
        candidateTable.getItems().setAll(keep);
        candidateTable.getSelectionModel().select(0);
        if (ws.services().reconciliation().isEmpty()) {
            showNotice(ws.text("patient.unavailable"));
            return;
        }
        ReconciliationService service = ws.services().reconciliation().get();
        Task<List<Candidate>> t = new Task<>() {
            @Override
            protected List<Candidate> call() throws Exception {
                updateTitle(ws.text("task.reconcile"));
                return service.candidates(p);
            }
        };
        ws.tasks().run(t, found -> {
            List<Candidate> all = new ArrayList<>(found);
            all.add(keep);
            candidateTable.getItems().setAll(all);
            // the best candidate that is not vetoed (vetoed ones rank last); the disc's identity when none
            Candidate preselect = all.stream().filter(c -> !c.vetoed()).findFirst().orElse(keep);
            candidateTable.getSelectionModel().select(preselect);
            if (found.isEmpty()) {
                showNotice(ws.text("patient.none"));
            } else if (found.get(0).automatic()) {
                showNotice(ws.text("patient.auto", Formats.percent(service.autoChooseThreshold())));
            } else {
                showNotice(ws.text("patient.choose"));
            }
        });
    }

    private void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(true);
        notice.setManaged(true);
    }

    @FXML
    private void confirm() {
        Candidate c = candidateTable.getSelectionModel().getSelectedItem();
        if (c != null && c.vetoed()) {
            ws.notifyUser(ws.text("patient.vetoedRefused", String.join("; ", c.reasons())));
            return;
        }
        if (c != null) {
            ws.session().confirmedPatient.set(c);
            ws.show(Screen.IMPORT);
        }
    }

    @Override
    public Node focusTarget() {
        return candidateTable;
    }
}
