package org.importdesk.app.ui;

import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import org.importdesk.app.ui.service.WorkstationSettings;
import org.importdesk.engine.config.DicomNode;
import org.importdesk.engine.config.ImportDeskSettings;
import org.importdesk.engine.config.InvalidConfigurationException;
import org.importdesk.engine.config.SettingKeys;
import org.importdesk.engine.config.TlsSettings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Settings: PACS and worklist nodes with a C-ECHO test, storage commitment, the TLS key and trust stores, the
 * inference device, the language; the site's policy (auto-send, team leads, AE title) shown as it is. What the site
 * file sets is shown read-only. Passwords are typed into password fields and never shown: an empty field keeps the
 * configured one ("(set)" as its prompt).
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
    @FXML private TextField commitmentPortField;
    @FXML private TextField commitmentWaitField;
    @FXML private Label commitmentNote;
    @FXML private TextField keyStoreField;
    @FXML private PasswordField keyStorePasswordField;
    @FXML private TextField trustStoreField;
    @FXML private PasswordField trustStorePasswordField;
    @FXML private Label tlsNote;
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
        showCommitment(s);
        showTls(s.tls());
    }

    private void showCommitment(ImportDeskSettings s) {
        WorkstationSettings settings = ws.services().settings();
        commitmentPortField.setText(s.commitment().port().isPresent() ? String.valueOf(s.commitment().port().getAsInt()) : "");
        commitmentWaitField.setText(String.valueOf(s.commitment().timeout().toSeconds()));
        boolean portFixed = settings.siteSets(SettingKeys.COMMITMENT_PORT);
        boolean waitFixed = settings.siteSets(SettingKeys.COMMITMENT_WAIT);
        commitmentPortField.setEditable(!portFixed);
        commitmentPortField.setDisable(portFixed);
        commitmentWaitField.setEditable(!waitFixed);
        commitmentWaitField.setDisable(waitFixed);
        commitmentNote.setText(portFixed || waitFixed ? ws.text("settings.siteSetsThese", settings.siteFile().toString())
                : ws.text("settings.commitmentInfo", s.stationAeTitle()));
    }

    private void showTls(TlsSettings tls) {
        WorkstationSettings settings = ws.services().settings();
        keyStoreField.setText(tls.keyStore().map(Path::toString).orElse(""));
        trustStoreField.setText(tls.trustStore().map(Path::toString).orElse(""));
        keyStorePasswordField.clear();
        trustStorePasswordField.clear();
        keyStorePasswordField.setPromptText(tls.keyStorePassword().isEmpty() ? "" : ws.text("settings.passwordSet"));
        trustStorePasswordField.setPromptText(tls.trustStorePassword().isEmpty() ? "" : ws.text("settings.passwordSet"));
        boolean fixed = settings.siteSets(SettingKeys.TLS_KEY_STORE);
        for (TextInputControl c : List.of(keyStoreField, keyStorePasswordField, trustStoreField, trustStorePasswordField)) {
            c.setEditable(!fixed);
            c.setDisable(fixed);
        }
        tlsNote.setText(fixed ? ws.text("settings.siteSetsThese", settings.siteFile().toString())
                : ws.text("settings.tlsInfo"));
    }

    /** The user-file changes for storage commitment and TLS; keys the site file decides are left out. */
    private void commitmentAndTlsChanges(ImportDeskSettings before, Map<String, String> changes) {
        WorkstationSettings settings = ws.services().settings();
        if (!settings.siteSets(SettingKeys.COMMITMENT_PORT)) {
            String port = commitmentPortField.getText().trim();
            String was = before.commitment().port().isPresent() ? String.valueOf(before.commitment().port().getAsInt()) : "";
            if (!port.equals(was)) {
                changes.put(SettingKeys.COMMITMENT_PORT, port);
            }
        }
        if (!settings.siteSets(SettingKeys.COMMITMENT_WAIT)) {
            String wait = commitmentWaitField.getText().trim();
            if (!wait.equals(String.valueOf(before.commitment().timeout().toSeconds()))) {
                changes.put(SettingKeys.COMMITMENT_WAIT, wait);
            }
        }
        if (settings.siteSets(SettingKeys.TLS_KEY_STORE)) {
            return;
        }
        TlsSettings tls = before.tls();
        store(changes, keyStoreField, keyStorePasswordField, tls.keyStore(), SettingKeys.TLS_KEY_STORE,
                SettingKeys.TLS_KEY_STORE_PASSWORD);
        store(changes, trustStoreField, trustStorePasswordField, tls.trustStore(), SettingKeys.TLS_TRUST_STORE,
                SettingKeys.TLS_TRUST_STORE_PASSWORD);
    }

    /** A cleared path removes the store and its password; a typed password replaces the configured one. */
    private static void store(Map<String, String> changes, TextField pathField, PasswordField passwordField,
                              java.util.Optional<Path> was, String storeKey, String passwordKey) {
        String path = pathField.getText().trim();
        if (!path.equals(was.map(Path::toString).orElse(""))) {
            changes.put(storeKey, path);
        }
        if (path.isEmpty()) {
            if (was.isPresent()) {
                changes.put(passwordKey, "");
            }
        } else if (!passwordField.getText().isEmpty()) {
            changes.put(passwordKey, passwordField.getText());
        }
    }

    /** Each refused key with the name of its field, so the user knows which one to correct. */
    private String refusal(Throwable e) {
        if (e instanceof InvalidConfigurationException invalid) {
            return invalid.problems().stream().map(p -> fieldName(p.key()) + ": " + p.message())
                    .collect(Collectors.joining("; "));
        }
        return String.valueOf(e.getMessage());
    }

    private String fieldName(String key) {
        String label = "settings.field." + key;
        return ws.bundle().containsKey(label) ? ws.text(label) + " (" + key + ")" : key;
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
        commitmentAndTlsChanges(before, changes);
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
                savedLabel.setText(ws.text("settings.refused", refusal(getException())));
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
