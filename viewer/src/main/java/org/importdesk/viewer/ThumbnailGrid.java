package org.importdesk.viewer;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.importdesk.engine.media.SeriesRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The series of a study as a grid of tiles: the DICOMDIR icon at once where the medium has one, then the real
 * thumbnail rendered off the FX thread. Arrow keys move, a double-click opens a series (Enter is left to the
 * screen's default button).
 */
public final class ThumbnailGrid extends ScrollPane {

    public static final int TILE_IMAGE = 150;

    private final TilePane tiles = new TilePane();
    private final SeriesImaging imaging;
    private final ExecutorService executor;
    private final List<Tile> current = new ArrayList<>();
    private final List<Future<?>> pending = new ArrayList<>();
    private final ObjectProperty<SeriesRecord> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyIntegerWrapper realThumbnails = new ReadOnlyIntegerWrapper(this, "realThumbnails");
    private final ReadOnlyIntegerWrapper shownThumbnails = new ReadOnlyIntegerWrapper(this, "shownThumbnails");
    private Consumer<SeriesRecord> onOpen = s -> { };

    public ThumbnailGrid(SeriesImaging imaging, ExecutorService executor) {
        this.imaging = imaging;
        this.executor = executor;
        getStyleClass().add("thumbnail-grid");
        tiles.getStyleClass().add("thumbnail-tiles");
        tiles.setHgap(10);
        tiles.setVgap(10);
        tiles.setPrefTileWidth(TILE_IMAGE + 16);
        setContent(tiles);
        setFitToWidth(true);
        setFocusTraversable(true);
        setOnKeyPressed(e -> {
            int i = current.stream().map(t -> t.series).toList().indexOf(selected.get());
            int perRow = Math.max(1, (int) ((getViewportBounds().getWidth() + tiles.getHgap()) / (TILE_IMAGE + 16 + tiles.getHgap())));
            int next = switch (e.getCode()) {
                case RIGHT -> i + 1;
                case LEFT -> i - 1;
                case DOWN -> i + perRow;
                case UP -> i - perRow;
                default -> i;
            };
            if (next != i && !current.isEmpty()) {
                select(current.get(Math.max(0, Math.min(current.size() - 1, next))).series);
                e.consume();
            }
        });
    }

    public void setOnOpen(Consumer<SeriesRecord> onOpen) {
        this.onOpen = onOpen;
    }

    public ObjectProperty<SeriesRecord> selectedProperty() {
        return selected;
    }

    /** How many tiles show their rendered thumbnail (not only the icon). */
    public ReadOnlyIntegerProperty realThumbnailsProperty() {
        return realThumbnails.getReadOnlyProperty();
    }

    /** How many tiles show any image (icon or rendered). */
    public ReadOnlyIntegerProperty shownThumbnailsProperty() {
        return shownThumbnails.getReadOnlyProperty();
    }

    public List<SeriesRecord> series() {
        return current.stream().map(t -> t.series).toList();
    }

    /** Shows the series; call on the FX thread. Thumbnails render in the background. */
    public void setSeries(List<SeriesRecord> series) {
        pending.forEach(f -> f.cancel(true));
        pending.clear();
        current.clear();
        tiles.getChildren().clear();
        realThumbnails.set(0);
        shownThumbnails.set(0);
        for (SeriesRecord s : series) {
            Tile t = new Tile(s);
            current.add(t);
            tiles.getChildren().add(t.box);
            if (s.icon().isPresent()) {
                t.show(FxImages.of(s.icon().get()), false);
            }
        }
        for (Tile t : current) {
            pending.add(executor.submit(() -> {
                try {
                    Image img = FxImages.of(imaging.thumbnail(t.series, TILE_IMAGE));
                    Platform.runLater(() -> t.show(img, true));
                } catch (Exception e) {
                    Platform.runLater(() -> t.failed(e.getMessage()));
                }
            }));
        }
        if (!current.isEmpty()) {
            select(current.get(0).series);
        }
    }

    private void select(SeriesRecord s) {
        selected.set(s);
        for (Tile t : current) {
            t.box.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), t.series == s);
            if (t.series == s) {
                ensureVisible(t.box);
            }
        }
    }

    private void ensureVisible(VBox box) {
        double contentHeight = tiles.getHeight() - getViewportBounds().getHeight();
        if (contentHeight <= 0) {
            return;
        }
        double y = box.getBoundsInParent().getMinY();
        double top = getVvalue() * contentHeight;
        double bottom = top + getViewportBounds().getHeight();
        if (y < top || box.getBoundsInParent().getMaxY() > bottom) {
            setVvalue(Math.min(1, y / contentHeight));
        }
    }

    private final class Tile {
        final SeriesRecord series;
        final VBox box = new VBox(4);
        final ImageView view = new ImageView();
        final StackPane frame = new StackPane(view);
        final Label status = new Label();
        boolean shown;
        boolean real;

        Tile(SeriesRecord s) {
            this.series = s;
            view.setFitWidth(TILE_IMAGE);
            view.setFitHeight(TILE_IMAGE);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            frame.getStyleClass().add("thumbnail-image");
            frame.setMinSize(TILE_IMAGE, TILE_IMAGE);
            frame.setPrefSize(TILE_IMAGE, TILE_IMAGE);
            Label badge = new Label(s.modality() + "  " + s.instances().size());
            badge.getStyleClass().add("thumbnail-badge");
            StackPane.setAlignment(badge, Pos.TOP_LEFT);
            status.getStyleClass().add("thumbnail-status");
            StackPane.setAlignment(status, Pos.CENTER);
            frame.getChildren().addAll(badge, status);
            Label title = new Label((s.seriesNumber() > 0 ? s.seriesNumber() + "  " : "") + s.seriesDescription());
            title.getStyleClass().add("thumbnail-title");
            title.setMaxWidth(TILE_IMAGE + 8);
            box.getStyleClass().add("thumbnail-tile");
            box.setAlignment(Pos.TOP_CENTER);
            box.getChildren().addAll(frame, title);
            box.setOnMouseClicked(e -> {
                select(series);
                requestFocus();
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    onOpen.accept(series);
                }
            });
            status.setText("…");
        }

        void show(Image img, boolean rendered) {
            if (real) {
                return;
            }
            view.setImage(img);
            status.setText("");
            if (!shown) {
                shown = true;
                shownThumbnails.set(shownThumbnails.get() + 1);
            }
            if (rendered) {
                real = true;
                realThumbnails.set(realThumbnails.get() + 1);
            }
        }

        void failed(String why) {
            if (!shown) {
                status.setText("no preview");
                javafx.scene.control.Tooltip.install(frame, new javafx.scene.control.Tooltip(why));
            }
        }
    }
}
