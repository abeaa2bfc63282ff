package org.importdesk.app.ui;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.importdesk.app.ui.model.ClassificationViewModel;
import org.importdesk.app.ui.model.ClassificationViewModel.PickerRow;
import org.importdesk.app.ui.service.ClassificationService.Proposal;
import org.importdesk.engine.media.StudyRecord;

import java.util.Comparator;
import java.util.Map;

/** Step 4: MOMO's proposal with its confidence and why; a searchable picker; Enter confirms. */
public final class ClassificationController implements ScreenController {

    private final Workstation ws;
    private final ClassificationViewModel model;
    private StudyRecord loadedFor;

    @FXML private Label studyLabel;
    @FXML private Label unavailable;
    @FXML private VBox proposalCard;
    @FXML private Label proposalCode;
    @FXML private Label proposalName;
    @FXML private ProgressBar confidenceBar;
    @FXML private Label confidenceLabel;
    @FXML private Label deciderLabel;
    @FXML private VBox reasons;
    @FXML private VBox votesCard;
    @FXML private VBox votes;
    @FXML private VBox rulesCard;
    @FXML private VBox rules;
    @FXML private TextField searchField;
    @FXML private ListView<PickerRow> classList;
    @FXML private Button confirmButton;

    public ClassificationController(Workstation ws) {
        this.ws = ws;
        this.model = new ClassificationViewModel(ws.services().classification(), ws.tasks(),
                ws.bundle().getLocale().getLanguage(), ws.text("classification.neighbours"), ws.text("classification.all"));
    }

    public ClassificationViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        unavailable.visibleProperty().bind(model.available.not());
        unavailable.managedProperty().bind(model.available.not());
        classList.setItems(model.rows);
        classList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PickerRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("class-header", "class-neighbour");
                setDisable(false);
                if (empty || r == null) {
                    setText(null);
                } else if (r.isHeader()) {
                    setText(r.header().toUpperCase());
                    getStyleClass().add("class-header");
                    setDisable(true);
                } else {
                    setText(r.choice().code() + "   " + r.choice().name() + (r.choice().modality().isEmpty() ? "" : "   · " + r.choice().modality()));
                    if (r.neighbour()) {
                        getStyleClass().add("class-neighbour");
                    }
                }
            }
        });
        searchField.textProperty().bindBidirectional(model.filter);
        model.rows.addListener((javafx.collections.ListChangeListener<PickerRow>) c -> selectFirstClass());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                move(e.getCode() == KeyCode.DOWN ? 1 : -1);
                e.consume();
            }
        });
        classList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                move(e.getCode() == KeyCode.DOWN ? 1 : -1);
                e.consume();
            }
        });
        classList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                confirm();
            }
        });
        confirmButton.disableProperty().bind(classList.getSelectionModel().selectedItemProperty().isNull());
        model.proposal.addListener((o, a, p) -> {
            showProposal(p);
            autoConfirm(p);
        });
        showProposal(null);
    }

    private void selectFirstClass() {
        for (int i = 0; i < model.rows.size(); i++) {
            if (!model.rows.get(i).isHeader()) {
                classList.getSelectionModel().select(i);
                classList.scrollTo(Math.max(0, i - 1));
                return;
            }
        }
        classList.getSelectionModel().clearSelection();
    }

    private void move(int delta) {
        int i = classList.getSelectionModel().getSelectedIndex();
        int n = model.rows.size();
        for (int j = i + delta; j >= 0 && j < n; j += delta) {
            if (!model.rows.get(j).isHeader()) {
                classList.getSelectionModel().select(j);
                classList.scrollTo(Math.max(0, j - 2));
                return;
            }
        }
    }

    @Override
    public void shown() {
        StudyRecord s = ws.session().study.get();
        if (s != null) {
            studyLabel.setText(s.studyDescription());
        }
        if (s != null && s != loadedFor) {
            loadedFor = s;
            model.load(s, ws.text("task.classify"));
        }
    }

    private void showProposal(Proposal p) {
        reasons.getChildren().clear();
        votes.getChildren().clear();
        rules.getChildren().clear();
        proposalCard.setVisible(p != null);
        votesCard.setVisible(p != null && !p.votes().isEmpty());
        votesCard.setManaged(votesCard.isVisible());
        rulesCard.setVisible(p != null && !p.rules().isEmpty());
        rulesCard.setManaged(rulesCard.isVisible());
        if (p == null) {
            return;
        }
        if (p.classCode().isPresent()) {
            String code = p.classCode().get();
            proposalCode.setText(code);
            proposalName.setText(model.choice(code).map(c -> c.name()).orElse(""));
        } else {
            proposalCode.setText("—");
            proposalName.setText(ws.text("classification.noProposal"));
        }
        confidenceBar.setProgress(p.confidence());
        confidenceBar.getStyleClass().remove("low");
        if (p.confidence() < 0.6) {
            confidenceBar.getStyleClass().add("low");
        }
        confidenceLabel.setText(ws.text("classification.confidence", Formats.percent(p.confidence())));
        deciderLabel.setText(ws.text("classification.decider", p.decider()));
        if (p.reasons().isEmpty()) {
            reasons.getChildren().add(reason(ws.text("classification.noReasons")));
        }
        p.reasons().forEach(r -> reasons.getChildren().add(reason("•  " + r)));
        double max = p.votes().values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        p.votes().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())).limit(8)
                .forEach(e -> {
                    Label code = new Label(String.format("%-6s", e.getKey()));
                    code.getStyleClass().add("vote-label");
                    code.setMinWidth(70);
                    ProgressBar bar = new ProgressBar(max <= 0 ? 0 : e.getValue() / max);
                    bar.setPrefWidth(220);
                    Label value = new Label(String.format(java.util.Locale.ROOT, "%.2f", e.getValue()));
                    value.getStyleClass().add("vote-label");
                    votes.getChildren().add(new HBox(8, code, bar, value));
                });
        p.rules().forEach(r -> rules.getChildren().add(reason("•  " + r)));
    }

    /** The site's auto-send policy: a proposal at or above its confidence is confirmed without asking. */
    private void autoConfirm(Proposal p) {
        double threshold = ws.services().settings().autoSendConfidence();
        if (p == null || p.classCode().isEmpty() || p.confidence() < threshold || ws.session().screen.get() != Screen.CLASSIFICATION) {
            return;
        }
        ws.notifyUser(ws.text("classification.autoConfirmed", p.classCode().get(), Formats.percent(p.confidence()),
                Formats.percent(threshold)));
        selectFirstClass();
        confirm();
    }

    private static Label reason(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("reason");
        l.setWrapText(true);
        return l;
    }

    @FXML
    private void confirm() {
        PickerRow r = classList.getSelectionModel().getSelectedItem();
        if (r == null || r.isHeader()) {
            return;
        }
        ws.session().proposal.set(model.proposal.get());
        ws.session().confirmedClass.set(r.choice());
        recordDecision(r.choice().code());
        ws.show(Screen.PATIENT);
    }

    /** Keeps the decision (study metadata and classes, no patient data) for the team lead's replays. */
    private void recordDecision(String confirmed) {
        StudyRecord study = ws.session().study.get();
        Proposal p = model.proposal.get();
        String proposed = p == null ? "" : p.classCode().orElse("");
        String user = ws.session().user.get();
        ws.services().decisions().ifPresent(log -> {
            javafx.concurrent.Task<Void> t = new javafx.concurrent.Task<>() {
                @Override
                protected Void call() throws Exception {
                    updateTitle(ws.text("task.recordDecision"));
                    log.record(study, proposed, confirmed, user);
                    return null;
                }
            };
            ws.tasks().run(t, v -> { });
        });
    }

    @Override
    public Node focusTarget() {
        return searchField;
    }
}
