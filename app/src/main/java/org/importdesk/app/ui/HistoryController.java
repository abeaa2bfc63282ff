package org.importdesk.app.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.importdesk.app.ui.service.HistoryService;
import org.importdesk.app.ui.service.HistoryService.Entry;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Step 7: the audit records of past imports, searchable. */
public final class HistoryController implements ScreenController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private final Workstation ws;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final FilteredList<Entry> filtered = new FilteredList<>(entries);

    @FXML private Label unavailable;
    @FXML private TextField searchField;
    @FXML private TableView<Entry> historyTable;
    @FXML private TableColumn<Entry, String> whenColumn;
    @FXML private TableColumn<Entry, String> userColumn;
    @FXML private TableColumn<Entry, String> externalColumn;
    @FXML private TableColumn<Entry, String> localColumn;
    @FXML private TableColumn<Entry, String> studyColumn;
    @FXML private TableColumn<Entry, String> proposedColumn;
    @FXML private TableColumn<Entry, String> confirmedColumn;
    @FXML private TableColumn<Entry, String> sentColumn;
    @FXML private TableColumn<Entry, String> outcomeColumn;

    public HistoryController(Workstation ws) {
        this.ws = ws;
    }

    @FXML
    private void initialize() {
        boolean available = ws.services().history().isPresent();
        unavailable.setVisible(!available);
        unavailable.setManaged(!available);
        text(whenColumn, e -> WHEN.format(e.when()));
        text(userColumn, Entry::user);
        text(externalColumn, Entry::externalPatient);
        text(localColumn, Entry::localPatient);
        text(studyColumn, Entry::studyDescription);
        text(proposedColumn, Entry::proposedClass);
        text(confirmedColumn, Entry::confirmedClass);
        text(sentColumn, e -> e.sent() + (e.failed() > 0 ? " / " + e.failed() + " ✗" : ""));
        text(outcomeColumn, Entry::outcome);
        historyTable.setItems(filtered);
        historyTable.setPlaceholder(new Label(ws.text(available ? "history.empty" : "history.unavailable")));
        searchField.textProperty().addListener((o, a, b) -> {
            String f = b == null ? "" : b.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(e -> f.isEmpty() || List.of(f.split("\\s+")).stream().allMatch(w -> e.searchText().contains(w)));
        });
    }

    private static void text(TableColumn<Entry, String> column, Function<Entry, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    @Override
    public void shown() {
        refresh();
    }

    @FXML
    private void refresh() {
        if (ws.services().history().isEmpty()) {
            return;
        }
        HistoryService service = ws.services().history().get();
        Task<List<Entry>> t = new Task<>() {
            @Override
            protected List<Entry> call() throws Exception {
                updateTitle(ws.text("task.history"));
                return service.entries();
            }
        };
        ws.tasks().run(t, entries::setAll);
    }

    public TableView<Entry> table() {
        return historyTable;
    }

    @Override
    public Node focusTarget() {
        return searchField;
    }
}
