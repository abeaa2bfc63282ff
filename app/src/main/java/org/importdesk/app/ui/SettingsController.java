package org.importdesk.app.ui;

import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.importdesk.app.ui.service.WorkstationSettings;
import org.importdesk.engine.config.DicomNode;
import org.importdesk.engine.config.ImportDeskSettings;
import org.importdesk.engine.config.InvalidConfigurationException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings: PACS and worklist nodes with a C-ECHO test, the inference device, the language; the site's policy
 * (auto-send, team leads, AE title) shown as it is.
 */
public final class SettingsController implements ScreenController {

    private final Workstation ws;
    @FXML private TextField pacsField;
    @FXML private TextField worklistField;
    @FXML private Label echoResult;
    @FXML private Label modelsLabel;
    @FXML private ComboBox<String> deviceBox;
    @FXML private ComboBox<String> languageBox;
    @FXML private Label autoSendLabel;
    @FXML private Label teamLeadsLabel;
    @FXML private Label stationLabel;
    @FXML private Label siteNote;
    @FXML private Label savedLabel;
    @FXML private Button saveButton;

    public SettingsController(Workstation ws) {
        this.ws = ws;
    }

    @FXML
    private void initialize() {
        deviceBox.getItems().setAll("CPU", "GPU");
        languageBox.getItems().setAll("English", "Deutsch");
        show(ws.services().settings().current());
    }

    private void show(ImportDeskSettings s) {
        pacsField.setText(s.defaultPacs().map(DicomNode::spec).orElse(""));
        worklistField.setText(s.worklistNodes().stream().findFirst().map(DicomNode::spec).orElse(""));
        deviceBox.setValue(s.inferenceDevice().name());
        languageBox.setValue("de".equals(s.language().getLanguage()) ? "Deutsch" : "English");
        modelsLabel.setText(ws.text("settings.modelsInfo", System.getProperty("importdesk.root", ".") + "/models"));
        autoSendLabel.setText(s.autoSend().enabled()
                ? ws.text("settings.autoSendAbove", Formats.percent(s.autoSend().minimumConfidence()))
                : ws.text("settings.autoSendOff"));
        teamLeadsLabel.setText((s.roles().teamLeads().isEmpty() ? "-" : String.join(", ", s.roles().teamLeads().stream().sorted().toList()))
                + (s.roles().teamLeadPin().isPresent() ? "  ·  " + ws.text("settings.pinSet") : ""));
        stationLabel.setText(s.stationAeTitle() + (s.usesLocalArchive() ? "  ·  " + ws.text("settings.localArchive", s.localArchive().toString()) : ""));
        siteNote.setText(ws.text("settings.siteNote", ws.services().settings().siteFile().toString()));
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
        try {
            DicomNode.parse("test", node, false);
        } catch (IllegalArgumentException e) {
            echoResult.setText(ws.text("settings.nodeFormat") + " (" + e.getMessage() + ")");
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
        WorkstationSettings settings = ws.services().settings();
        ImportDeskSettings before = settings.current();
        Map<String, String> changes = new LinkedHashMap<>();
        String pacs = pacsField.getText().trim();
        if (!pacs.equals(before.defaultPacs().map(DicomNode::spec).orElse(""))) {
            changes.put(WorkstationSettings.pacsKey(), pacs);
        }
        String worklist = worklistField.getText().trim();
        if (!worklist.equals(before.worklistNodes().stream().findFirst().map(DicomNode::spec).orElse(""))) {
            changes.put(WorkstationSettings.worklistKey(), worklist);
        }
        if (!deviceBox.getValue().equals(before.inferenceDevice().name())) {
            changes.put(WorkstationSettings.deviceKey(), deviceBox.getValue());
        }
        String language = "Deutsch".equals(languageBox.getValue()) ? "de" : "en";
        if (!language.equals(before.language().getLanguage())) {
            changes.put(WorkstationSettings.languageKey(), language);
        }
        if (changes.isEmpty()) {
            savedLabel.setText(ws.text("settings.nothingChanged"));
            return;
        }
        Task<ImportDeskSettings> t = new Task<>() {
            @Override
            protected ImportDeskSettings call() {
                updateTitle(ws.text("settings.saving"));
                settings.save(changes);
                return settings.current();
            }

            @Override
            protected void failed() {
                Throwable e = getException();
                savedLabel.setText(e instanceof InvalidConfigurationException ? ws.text("settings.refused", e.getMessage())
                        : ws.text("settings.refused", String.valueOf(e.getMessage())));
            }
        };
        ws.tasks().run(t, s -> {
            show(s);
            savedLabel.setText(ws.text("settings.saved"));
        });
    }

    @Override
    public Node focusTarget() {
        return pacsField;
    }
}
