package org.importdesk.app.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.TaskProgressView;
import org.importdesk.engine.media.PatientRecord;

import java.util.EnumMap;
import java.util.Map;

/** The window's frame: header with the patient banner, the step navigation, notifications, running tasks. */
public final class MainController {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    private final Workstation ws;
    private final Map<Screen, Button> navButtons = new EnumMap<>(Screen.class);

    @FXML private Label mediumLabel;
    @FXML private VBox patientBanner;
    @FXML private Label patientName;
    @FXML private Label patientDetails;
    @FXML private javafx.scene.control.Separator bannerSeparator;
    @FXML private Label userLabel;
    @FXML private Label roleLabel;
    @FXML private VBox nav;
    @FXML private NotificationPane notifications;
    @FXML private StackPane content;
    @FXML private TaskProgressView<javafx.concurrent.Task<?>> taskView;
    @FXML private Label statusLabel;
    @FXML private Label destinationLabel;

    public MainController(Workstation ws) {
        this.ws = ws;
    }

    @FXML
    private void initialize() {
        Session s = ws.session();
        int step = 1;
        for (Screen screen : Screen.values()) {
            if (screen == Screen.MAPPING) {
                Label teamLead = new Label(ws.text("nav.teamLead"));
                teamLead.getStyleClass().add("nav-section");
                nav.getChildren().add(teamLead);
            }
            String number = screen.ordinal() <= Screen.HISTORY.ordinal() ? (step++) + "  " : "";
            Button b = new Button(number + ws.text(screen.id() + ".title"));
            b.getStyleClass().add("nav-button");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setFocusTraversable(false);
            b.setId("nav-" + screen.id());
            b.setOnAction(e -> ws.show(screen));
            navButtons.put(screen, b);
            nav.getChildren().add(b);
        }
        Region grow = new Region();
        VBox.setVgrow(grow, javafx.scene.layout.Priority.ALWAYS);
        nav.getChildren().add(grow);
        Label keys = new Label(ws.text("nav.keys"));
        keys.getStyleClass().add("nav-keys");
        keys.setWrapText(true);
        nav.getChildren().add(keys);
        s.screen.addListener((o, a, b) -> updateNav());
        s.study.addListener((o, a, b) -> updateNav());
        s.confirmedClass.addListener((o, a, b) -> updateNav());
        s.confirmedPatient.addListener((o, a, b) -> updateNav());
        s.lastImport.addListener((o, a, b) -> updateNav());
        s.medium.addListener((o, a, b) -> updateNav());

        mediumLabel.textProperty().bind(Bindings.createStringBinding(() -> s.source.get() == null
                ? ws.text("header.noMedium") : ws.text("header.medium", s.source.get().toString()), s.source));
        s.patient.addListener((o, a, b) -> showPatient(b));
        showPatient(null);
        userLabel.textProperty().bind(s.user);
        roleLabel.textProperty().bind(Bindings.when(s.teamLead).then(ws.text("role.teamLead")).otherwise(ws.text("role.radiographer")));

        Bindings.bindContent(taskView.getTasks(), ws.tasks().running());
        taskView.managedProperty().bind(taskView.visibleProperty());
        taskView.setVisible(false);
        ws.tasks().running().addListener((ListChangeListener<javafx.concurrent.Task<?>>) c -> taskView.setVisible(!ws.tasks().running().isEmpty()));
        statusLabel.setText(ws.text("status.ready"));
        destinationLabel.setText(ws.services().importer().map(i -> ws.text("status.destination", i.destination()))
                .orElse(ws.text("status.noSending")));

        ws.setNotifier(message -> {
            notifications.setText(message);
            notifications.show();
            statusLabel.setText(message);
            javafx.animation.PauseTransition hide = new javafx.animation.PauseTransition(Duration.seconds(8));
            hide.setOnFinished(e -> notifications.hide());
            hide.play();
        });
        content.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                return;
            }
            int n = 1;
            for (Screen screen : Screen.values()) {
                if (screen.ordinal() > Screen.HISTORY.ordinal()) {
                    break;
                }
                KeyCombination k = new KeyCodeCombination(KeyCode.valueOf("DIGIT" + n++), KeyCombination.SHORTCUT_DOWN);
                scene.getAccelerators().put(k, () -> ws.show(screen));
            }
        });
    }

    private void showPatient(PatientRecord p) {
        patientBanner.setVisible(p != null);
        bannerSeparator.setVisible(p != null);
        if (p == null) {
            return;
        }
        patientName.setText(Formats.personName(p.patientName()));
        patientDetails.setText(ws.text("header.patientDetails", Formats.date(p.birthDate()), p.sex(), p.patientId(),
                p.issuerOfPatientId().isEmpty() ? "-" : p.issuerOfPatientId()));
    }

    private void updateNav() {
        Session s = ws.session();
        for (Map.Entry<Screen, Button> e : navButtons.entrySet()) {
            Screen screen = e.getKey();
            Button b = e.getValue();
            b.pseudoClassStateChanged(CURRENT, s.screen.get() == screen);
            boolean done = switch (screen) {
                case SOURCE -> s.medium.get() != null;
                case MEDIUM -> s.study.get() != null;
                case STUDY, CLASSIFICATION -> s.confirmedClass.get() != null;
                case PATIENT -> s.confirmedPatient.get() != null;
                case IMPORT -> s.lastImport.get() != null;
                default -> false;
            };
            b.pseudoClassStateChanged(DONE, done && s.screen.get() != screen);
            boolean reachable = switch (screen) {
                case MEDIUM -> s.medium.get() != null;
                case STUDY, CLASSIFICATION -> s.study.get() != null;
                case PATIENT -> s.confirmedClass.get() != null;
                case IMPORT -> s.confirmedPatient.get() != null || s.lastImport.get() != null;
                default -> true;
            };
            b.setDisable(!reachable);
        }
    }

    void setContent(Parent view) {
        content.getChildren().setAll(view);
        updateNav();
    }
}
