package org.importdesk.app.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.importdesk.app.ui.model.MappingViewModel;
import org.importdesk.app.ui.service.MappingService;
import org.importdesk.app.ui.service.WorkstationSettings;
import org.importdesk.mapping.BlacklistEntry;
import org.importdesk.mapping.ChangeLogEntry;
import org.importdesk.mapping.Keyword;
import org.importdesk.mapping.ProcedureCodeMapping;
import org.importdesk.mapping.StudyClass;
import org.importdesk.mapping.ValidationFinding;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * The team lead's mapping editor: keywords, classes, procedure codes, rules and blacklists; validation; a replay of
 * the draft against past decisions before it can be saved; the change history with rollback; MOMO spreadsheet
 * import and export. Behind the team-lead role (configured user names or the PIN).
 */
public final class MappingController implements ScreenController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final Workstation ws;
    private final MappingViewModel model;

    @FXML private VBox editor;
    @FXML private Label draftState;
    @FXML private TabPane tabs;
    @FXML private TextField keywordFilter;
    @FXML private TableView<Keyword> keywordTable;
    @FXML private TableColumn<Keyword, String> kwClass;
    @FXML private TableColumn<Keyword, String> kwText;
    @FXML private TableColumn<Keyword, String> kwLanguage;
    @FXML private TableColumn<Keyword, String> kwScope;
    @FXML private TextField newKwClass;
    @FXML private TextField newKwText;
    @FXML private TextField newKwLanguage;
    @FXML private ComboBox<Keyword.Scope> newKwScope;
    @FXML private TableView<StudyClass> classTable;
    @FXML private TableColumn<StudyClass, String> clCode;
    @FXML private TableColumn<StudyClass, String> clEn;
    @FXML private TableColumn<StudyClass, String> clDe;
    @FXML private TableColumn<StudyClass, String> clModality;
    @FXML private TableColumn<StudyClass, String> clActive;
    @FXML private TableView<ProcedureCodeMapping> codeTable;
    @FXML private TableColumn<ProcedureCodeMapping, String> pcValue;
    @FXML private TableColumn<ProcedureCodeMapping, String> pcScheme;
    @FXML private TableColumn<ProcedureCodeMapping, String> pcClass;
    @FXML private TextArea rulesArea;
    @FXML private TableView<BlacklistEntry> blacklistTable;
    @FXML private TableColumn<BlacklistEntry, String> blKind;
    @FXML private TableColumn<BlacklistEntry, String> blText;
    @FXML private TableView<ChangeLogEntry> changeTable;
    @FXML private TableColumn<ChangeLogEntry, String> chId;
    @FXML private TableColumn<ChangeLogEntry, String> chWhen;
    @FXML private TableColumn<ChangeLogEntry, String> chWho;
    @FXML private TableColumn<ChangeLogEntry, String> chWhat;
    @FXML private Button rollbackButton;
    @FXML private ListView<ValidationFinding> findingList;
    @FXML private Label replaySummary;
    @FXML private TableView<MappingService.ReplayChange> replayTable;
    @FXML private TableColumn<MappingService.ReplayChange, String> rpStudy;
    @FXML private TableColumn<MappingService.ReplayChange, String> rpConfirmed;
    @FXML private TableColumn<MappingService.ReplayChange, String> rpChange;
    @FXML private TableColumn<MappingService.ReplayChange, String> rpVerdict;
    @FXML private Button validateButton;
    @FXML private Button replayButton;
    @FXML private Button saveButton;
    @FXML private VBox gate;
    @FXML private Label gateText;
    @FXML private PasswordField pinField;
    @FXML private Label gateError;

    public MappingController(Workstation ws) {
        this.ws = ws;
        this.model = ws.services().mapping().map(m -> new MappingViewModel(m, ws.tasks())).orElse(null);
    }

    public MappingViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        editor.visibleProperty().bind(ws.session().teamLead);
        gate.visibleProperty().bind(ws.session().teamLead.not());
        WorkstationSettings settings = ws.services().settings();
        gateText.setText(ws.text("gate.text", ws.session().user.get(),
                settings.teamLeads().isEmpty() ? "-" : String.join(", ", settings.teamLeads())));
        if (model == null) {
            return;
        }
        FilteredList<Keyword> filtered = new FilteredList<>(model.keywords);
        keywordFilter.textProperty().addListener((o, a, b) -> {
            String f = b == null ? "" : b.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(k -> f.isEmpty() || (k.classCode() + " " + k.text() + " " + k.language()).toLowerCase(Locale.ROOT).contains(f));
        });
        keywordTable.setItems(filtered);
        text(kwClass, Keyword::classCode);
        text(kwText, Keyword::text);
        text(kwLanguage, Keyword::language);
        text(kwScope, k -> k.scope().label());
        newKwScope.getItems().setAll(Keyword.Scope.values());
        newKwScope.setValue(Keyword.Scope.BOTH);
        classTable.setItems(model.classes);
        text(clCode, StudyClass::code);
        text(clEn, StudyClass::nameEn);
        text(clDe, StudyClass::nameDe);
        text(clModality, StudyClass::modality);
        text(clActive, c -> c.active() ? "✓" : "");
        codeTable.setItems(model.procedureCodes);
        text(pcValue, ProcedureCodeMapping::codeValue);
        text(pcScheme, ProcedureCodeMapping::codingScheme);
        text(pcClass, ProcedureCodeMapping::classCode);
        rulesArea.textProperty().bindBidirectional(model.rules);
        blacklistTable.setItems(model.blacklist);
        text(blKind, b -> b.kind().name().toLowerCase(Locale.ROOT));
        text(blText, BlacklistEntry::text);
        changeTable.setItems(model.changes);
        text(chId, c -> Long.toString(c.id()));
        text(chWhen, c -> WHEN.format(c.changedAt()));
        text(chWho, ChangeLogEntry::changedBy);
        text(chWhat, c -> c.table() + " " + c.rowKey() + ": " + c.oldValue().orElse("∅") + " → " + c.newValue().orElse("∅")
                + c.reverts().map(r -> "  (rollback of #" + r + ")").orElse(""));
        rollbackButton.disableProperty().bind(changeTable.getSelectionModel().selectedItemProperty().isNull());
        findingList.setItems(model.findings);
        findingList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ValidationFinding f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll("finding-error", "finding-warning");
                if (empty || f == null) {
                    setText(null);
                    return;
                }
                setText((f.severity() == ValidationFinding.Severity.ERROR ? "✗ " : "⚠ ") + f.table() + ": " + f.message());
                setWrapText(true);
                setPrefWidth(0);
                getStyleClass().add(f.severity() == ValidationFinding.Severity.ERROR ? "finding-error" : "finding-warning");
            }
        });
        findingList.setPlaceholder(new Label(ws.text("mapping.noFindings")));
        text(rpStudy, c -> c.modality() + " · " + c.study());
        text(rpConfirmed, MappingService.ReplayChange::confirmedClass);
        text(rpChange, c -> (c.before().isEmpty() ? "—" : c.before()) + " → " + (c.after().isEmpty() ? "—" : c.after()));
        text(rpVerdict, c -> ws.text("mapping.verdict." + c.verdict().name().toLowerCase(Locale.ROOT)));
        replayTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(MappingService.ReplayChange c, boolean empty) {
                super.updateItem(c, empty);
                getStyleClass().remove("replay-changed");
                if (!empty && c != null && c.verdict() == MappingService.Verdict.BREAKS) {
                    getStyleClass().add("replay-changed");
                }
            }
        });
        replayTable.setPlaceholder(new Label(ws.text("mapping.replayFirst")));
        model.replay.addListener((o, a, r) -> {
            replayTable.getItems().setAll(r == null ? java.util.List.of() : r.changes());
            replaySummary.setText(r == null ? "" : ws.text("mapping.replaySummary", r.decisionsChecked(), r.changes().size(), r.breaks()));
        });
        saveButton.disableProperty().bind(model.replayed.not().or(model.dirty.not()));
        draftState.textProperty().bind(Bindings.when(model.dirty).then(ws.text("mapping.dirty")).otherwise(ws.text("mapping.clean")));
    }

    private static <T> void text(TableColumn<T, String> column, Function<T, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    @Override
    public void shown() {
        if (model != null && ws.session().teamLead.get() && !model.loaded.get()) {
            model.load(ws.text("task.loadMapping"));
        }
    }

    @FXML
    private void unlock() {
        WorkstationSettings s = ws.services().settings();
        if (s.isTeamLead(ws.session().user.get()) || s.pinMatches(pinField.getText())) {
            ws.session().teamLead.set(true);
            gateError.setText("");
            pinField.clear();
            shown();
        } else {
            gateError.setText(ws.text("gate.refused"));
        }
    }

    @FXML
    private void addKeyword() {
        String code = newKwClass.getText() == null ? "" : newKwClass.getText().trim().toUpperCase(Locale.ROOT);
        String text = newKwText.getText() == null ? "" : newKwText.getText().trim();
        if (code.isEmpty() || text.isEmpty()) {
            ws.notifyUser(ws.text("mapping.needClassAndKeyword"));
            return;
        }
        if (model.classes.stream().noneMatch(c -> c.code().equals(code))) {
            ws.notifyUser(ws.text("mapping.unknownClass", code));
            return;
        }
        String language = newKwLanguage.getText() == null || newKwLanguage.getText().isBlank() ? "en" : newKwLanguage.getText().trim();
        Keyword k = new Keyword(code, text, language, newKwScope.getValue());
        model.keywords.add(0, k);
        keywordTable.getSelectionModel().select(k);
        newKwText.clear();
    }

    @FXML
    private void removeKeyword() {
        Keyword k = keywordTable.getSelectionModel().getSelectedItem();
        if (k != null) {
            model.keywords.remove(k);
        }
    }

    @FXML
    private void validate() {
        model.validate(ws.text("task.validateMapping"));
    }

    @FXML
    private void replay() {
        model.replay(ws.text("task.replayMapping"));
    }

    @FXML
    private void save() {
        if (model.replay.get() != null && model.replay.get().breaks() > 0) {
            ws.notifyUser(ws.text("mapping.savingBreaks", model.replay.get().breaks()));
        }
        model.save(ws.session().user.get(), ws.text("task.saveMapping"), warnings -> ws.notifyUser(ws.text("mapping.saved", warnings.size())));
    }

    @FXML
    private void rollback() {
        ChangeLogEntry c = changeTable.getSelectionModel().getSelectedItem();
        if (c != null) {
            model.rollback(c.id(), ws.session().user.get(), ws.text("task.rollbackMapping"));
        }
    }

    @FXML
    private void importSheet() {
        FileChooser c = new FileChooser();
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("MOMO", "*.xlsx", "*.csv"));
        File f = c.showOpenDialog(editor.getScene().getWindow());
        if (f != null) {
            model.importSheet(f.toPath(), ws.text("task.importSheet"));
        }
    }

    @FXML
    private void exportSheet() {
        FileChooser c = new FileChooser();
        c.setInitialFileName("Radiology_Procedures.xlsx");
        File f = c.showSaveDialog(editor.getScene().getWindow());
        if (f != null) {
            model.exportSheet(f.toPath(), ws.text("task.exportSheet"), () -> ws.notifyUser(ws.text("mapping.exported", f.toString())));
        }
    }

    public TableView<Keyword> keywordTable() {
        return keywordTable;
    }

    public TabPane tabs() {
        return tabs;
    }

    @Override
    public Node focusTarget() {
        return ws.session().teamLead.get() ? keywordFilter : pinField;
    }
}
