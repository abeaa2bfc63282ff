package org.importdesk.app.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.stream.IntStream;

/**
 * Runs JavaFX's skin and cell code once before the radiographer needs it, one small slice per pulse. The first
 * TableView / ListView that gets rows runs that code interpreted (cold JIT): well over 100 ms on the FX thread in one
 * go. Here throwaway tables of growing size are laid out off-screen, each in its own pulse, and then the preloaded
 * screens get their skins off-screen (with the window's style sheets), so that showing them later only re-attaches.
 * FX thread.
 */
final class UiWarmup {

    /** Columns and rows of the throwaway tables: small first (cold code), then repeated until the JIT compiled it. */
    private static final int[][] TABLE_SIZES = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {8, 4}, {8, 6}, {3, 3}, {8, 6}, {8, 8},
            {9, 8}, {9, 10}, {9, 12}, {9, 12}, {9, 12}, {9, 12}, {9, 12}, {9, 12}, {9, 12}, {9, 12}};

    private final Scene window;
    private final Queue<Runnable> slices = new ArrayDeque<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Runnable slice = slices.poll();
            if (slice == null) {
                stop();
            } else {
                slice.run();
            }
        }
    };

    UiWarmup(Scene window, List<Parent> screens) {
        this.window = window;
        for (int[] size : TABLE_SIZES) {
            slices.add(() -> layOut(table(size[0], size[1])));
            if (size[0] <= size[1]) {
                slices.add(() -> layOut(list(size[1] + 2)));
                slices.add(() -> layOut(labels(size[1] * 2)));
            }
        }
        for (Parent screen : screens) {
            slices.add(() -> skin(screen));
        }
    }

    void start() {
        timer.start();
    }

    private static TableView<Integer> table(int columns, int rows) {
        TableView<Integer> t = new TableView<>(FXCollections.observableArrayList(IntStream.range(0, rows).boxed().toList()));
        for (int c = 0; c < columns; c++) {
            int column = c;
            TableColumn<Integer, String> col = new TableColumn<>("Column " + c);
            col.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>("Row " + v.getValue() + " value " + column));
            t.getColumns().add(col);
        }
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        t.getSelectionModel().select(0);
        return t;
    }

    private static ListView<String> list(int rows) {
        ListView<String> l = new ListView<>(FXCollections.observableArrayList(
                IntStream.range(0, rows).mapToObj(i -> "Entry " + i).toList()));
        l.getSelectionModel().select(0);
        return l;
    }

    /** Labels styled like the health cards (their skins are created in numbers when a medium is read). */
    private static Region labels(int count) {
        javafx.scene.layout.FlowPane pane = new javafx.scene.layout.FlowPane(8, 8);
        for (int i = 0; i < count; i++) {
            javafx.scene.control.Label value = new javafx.scene.control.Label(Integer.toString(i));
            value.getStyleClass().add("health-value");
            javafx.scene.control.Label label = new javafx.scene.control.Label("Label " + i);
            label.getStyleClass().add(i % 2 == 0 ? "health-label" : "warning-text");
            javafx.scene.layout.VBox card = new javafx.scene.layout.VBox(2, value, label);
            card.getStyleClass().addAll("health-card", i % 3 == 0 ? "attention" : "normal");
            pane.getChildren().add(card);
        }
        return pane;
    }

    private void layOut(Region node) {
        node.resize(900, 400);
        Scene offscreen = new Scene(new Group(node));
        offscreen.getStylesheets().setAll(window.getStylesheets());
        node.applyCss();
        node.layout();
    }

    /** Creates the screen's skins off-screen; a screen already on show is left alone. */
    private void skin(Parent screen) {
        if (screen.getScene() != null) {
            return;
        }
        Group holder = new Group(screen);
        Scene offscreen = new Scene(holder);
        offscreen.getStylesheets().setAll(window.getStylesheets());
        screen.resize(window.getWidth() * 0.8, window.getHeight() * 0.8);
        screen.applyCss();
        screen.layout();
        holder.getChildren().clear();
    }
}
