package org.importdesk.app.ui;

import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.importdesk.app.ui.service.MediaDetector;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Step 1: choose the medium: a detected disc, or a folder, DICOMDIR or ZIP. */
public final class SourceController implements ScreenController {

    private final Workstation ws;
    @FXML private TextField pathField;
    @FXML private ListView<MediaDetector.Medium> mediaList;

    public SourceController(Workstation ws) {
        this.ws = ws;
    }

    @FXML
    private void initialize() {
        mediaList.setPlaceholder(new Label(ws.text("source.noMedia")));
        mediaList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(MediaDetector.Medium m, boolean empty) {
                super.updateItem(m, empty);
                if (empty || m == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(m.label());
                name.getStyleClass().add("media-name");
                Label detail = new Label(m.root() + (m.hasDicomdir() ? "  ·  DICOMDIR" : "  ·  " + ws.text("source.noDicomdir")));
                detail.getStyleClass().add("media-detail");
                setGraphic(new VBox(2, name, detail));
                setText(null);
            }
        });
        mediaList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && mediaList.getSelectionModel().getSelectedItem() != null) {
                open(mediaList.getSelectionModel().getSelectedItem().root());
            }
        });
        mediaList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && mediaList.getSelectionModel().getSelectedItem() != null) {
                open(mediaList.getSelectionModel().getSelectedItem().root());
                e.consume();
            }
        });
    }

    @Override
    public void shown() {
        refresh();
    }

    @Override
    public Node focusTarget() {
        return mediaList.getItems().isEmpty() ? pathField : mediaList;
    }

    @FXML
    private void refresh() {
        MediaDetector detector = ws.services().media();
        Task<List<MediaDetector.Medium>> t = new Task<>() {
            @Override
            protected List<MediaDetector.Medium> call() {
                updateTitle(ws.text("task.detect"));
                return detector.detect();
            }
        };
        ws.tasks().run(t, media -> {
            mediaList.getItems().setAll(media);
            if (!media.isEmpty()) {
                mediaList.getSelectionModel().selectFirst();
            }
        });
    }

    @FXML
    private void openPath() {
        String text = pathField.getText() == null ? "" : pathField.getText().trim();
        if (text.isEmpty()) {
            MediaDetector.Medium m = mediaList.getSelectionModel().getSelectedItem();
            if (m != null) {
                open(m.root());
            } else {
                ws.notifyUser(ws.text("source.typePath"));
            }
            return;
        }
        open(Path.of(text));
    }

    @FXML
    private void chooseFolder() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(ws.text("source.openFolder"));
        File f = c.showDialog(pathField.getScene().getWindow());
        if (f != null) {
            open(f.toPath());
        }
    }

    @FXML
    private void chooseDicomdir() {
        FileChooser c = new FileChooser();
        c.setTitle(ws.text("source.openDicomdir"));
        File f = c.showOpenDialog(pathField.getScene().getWindow());
        if (f != null) {
            open(f.toPath());
        }
    }

    @FXML
    private void chooseZip() {
        FileChooser c = new FileChooser();
        c.setTitle(ws.text("source.openZip"));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("ZIP", "*.zip", "*.ZIP"));
        File f = c.showOpenDialog(pathField.getScene().getWindow());
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Opens a medium and goes to the medium screen, where studies appear as they are found. */
    public void open(Path path) {
        ws.awaitPreload(); // the medium screen's controller listens to what opening changes
        if (!Files.exists(path)) {
            ws.notifyUser(ws.text("source.notFound", path.toString()));
            return;
        }
        ws.session().source.set(path);
        ws.session().medium.set(null);
        ws.session().studyChosen(null, null);
        ws.session().lastImport.set(null);
        ws.session().importedStudies.clear();
        ws.mediumModel().open(path, ws.text("task.readMedium", path.getFileName() == null ? path.toString() : path.getFileName().toString()));
        ws.show(Screen.MEDIUM);
    }
}
