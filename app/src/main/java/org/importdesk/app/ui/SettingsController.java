package org.importdesk.app.ui;

import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import org.importdesk.app.ui.service.WorkstationSettings;

import java.nio.file.Path;
import java.util.Locale;

/** Settings: PACS and worklist nodes with a C-ECHO test, models and CPU/GPU, language, auto-send policy, roles. */
public final class SettingsController implements ScreenController {

    private final Workstation ws;
    @FXML private TextField pacsField;
    @FXML private TextField worklistField;
    @FXML private Label echoResult;
    @FXML private TextField modelsField;
    @FXML private ComboBox<String> deviceBox;
    @FXML private ComboBox<String> languageBox;
    @FXML private CheckBox autoSendBox;
    @FXML private Spinner<Integer> autoSendSpinner;
    @FXML private TextField teamLeadsField;
    @FXML private PasswordField pinField;
    @FXML private Label roleNote;
    @FXML private Label savedLabel;
    @FXML private Button saveButton;

    public SettingsController(Workstation ws) {
        this.ws = ws;
    }

    @FXML
    private void initialize() {
        WorkstationSettings s = ws.services().settings();
        pacsField.setText(s.get(WorkstationSettings.PACS, ""));
        worklistField.setText(s.get(WorkstationSettings.WORKLIST, ""));
        modelsField.setText(s.get(WorkstationSettings.MODELS, Path.of(System.getProperty("importdesk.root", "."), "models").toString()));
        deviceBox.getItems().setAll("CPU", "GPU");
        deviceBox.setValue(s.get(WorkstationSettings.DEVICE, "CPU"));
        languageBox.getItems().setAll("English", "Deutsch");
        languageBox.setValue("de".equals(s.language()) ? "Deutsch" : "English");
        double auto = s.autoSendConfidence();
        autoSendBox.setSelected(auto <= 1.0);
        autoSendSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(50, 100, auto <= 1.0 ? (int) Math.round(auto * 100) : 95));
        autoSendSpinner.disableProperty().bind(autoSendBox.selectedProperty().not());
        teamLeadsField.setText(String.join(", ", s.teamLeads()));
        // only a team lead may change who is a team lead
        teamLeadsField.disableProperty().bind(ws.session().teamLead.not());
        pinField.disableProperty().bind(ws.session().teamLead.not());
        roleNote.setText(ws.text("settings.roleNote"));
    }

    @FXML
    private void echoPacs() {
        echo(pacsField.getText());
    }

    @FXML
    private void echoWorklist() {
        echo(worklistField.getText());
    }

    private void echo(String node) {
        if (ws.services().echo().isEmpty()) {
            echoResult.setText(ws.text("settings.echoUnavailable"));
            return;
        }
        if (node == null || !node.matches("[^@\\s]+@[^:\\s]+:\\d+")) {
            echoResult.setText(ws.text("settings.nodeFormat"));
            return;
        }
        var service = ws.services().echo().get();
        echoResult.setText(ws.text("settings.echoing", node));
        Task<String> t = new Task<>() {
            @Override
            protected String call() throws Exception {
                updateTitle(ws.text("settings.echoing", node));
                return service.echo(node);
            }

            @Override
            protected void failed() {
                echoResult.setText(ws.text("settings.echoFailed", node, getException().getMessage()));
            }
        };
        ws.tasks().run(t, r -> echoResult.setText("✓ " + node + ": " + r));
    }

    @FXML
    private void save() {
        WorkstationSettings s = ws.services().settings();
        s.set(WorkstationSettings.PACS, pacsField.getText().trim());
        s.set(WorkstationSettings.WORKLIST, worklistField.getText().trim());
        s.set(WorkstationSettings.MODELS, modelsField.getText().trim());
        s.set(WorkstationSettings.DEVICE, deviceBox.getValue());
        s.set(WorkstationSettings.LANGUAGE, "Deutsch".equals(languageBox.getValue()) ? "de" : "en");
        s.set(WorkstationSettings.AUTO_SEND, autoSendBox.isSelected()
                ? String.format(Locale.ROOT, "%.2f", autoSendSpinner.getValue() / 100.0) : "1.01");
        if (ws.session().teamLead.get()) {
            s.set(WorkstationSettings.TEAM_LEADS, teamLeadsField.getText().trim());
            if (!pinField.getText().isEmpty()) {
                s.setPin(pinField.getText());
                pinField.clear();
            }
        }
        Task<Void> t = new Task<>() {
            @Override
            protected Void call() throws Exception {
                updateTitle(ws.text("settings.saving"));
                s.save();
                return null;
            }
        };
        ws.tasks().run(t, v -> savedLabel.setText(ws.text("settings.saved")));
    }

    @Override
    public Node focusTarget() {
        return pacsField;
    }
}
