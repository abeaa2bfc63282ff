package org.importdesk.viewer;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.importdesk.engine.dicom.PixelFrame;
import org.importdesk.engine.dicom.VoiWindow;
import org.importdesk.engine.imaging.FrameRenderer;
import org.importdesk.engine.media.SeriesRecord;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Scrolls through the images of one series (wheel, arrow keys, Page Up/Down, Home/End, slider) with window/level by
 * dragging the left mouse button: right and left widen and narrow the window, down and up raise and lower the level.
 * Frames are read off the FX thread and cached; the neighbours are read ahead.
 */
public final class SeriesView extends BorderPane {

    private static final int CACHE = 96;

    private final SeriesImaging imaging;
    private final ExecutorService executor;
    private final ImageView view = new ImageView();
    private final StackPane canvas = new StackPane(view);
    private final Label topLeft = new Label();
    private final Label bottomLeft = new Label();
    private final Label bottomRight = new Label();
    private final Label message = new Label();
    private final Slider slider = new Slider();
    private final IntegerProperty index = new SimpleIntegerProperty(this, "index", 0);
    private final DoubleProperty windowCentre = new SimpleDoubleProperty(this, "windowCentre", Double.NaN);
    private final DoubleProperty windowWidth = new SimpleDoubleProperty(this, "windowWidth", Double.NaN);
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "imageShown");
    private final Map<Integer, PixelFrame> cache = new LinkedHashMap<>(CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, PixelFrame> eldest) {
            return size() > CACHE;
        }
    };
    private final java.util.Set<Integer> loading = new java.util.HashSet<>();
    private SeriesRecord series;
    private boolean repaintPending;
    private PixelFrame paintedFrame;
    private double dragX;
    private double dragY;

    public SeriesView(SeriesImaging imaging, ExecutorService executor) {
        this.imaging = imaging;
        this.executor = executor;
        getStyleClass().add("series-view");
        canvas.getStyleClass().add("series-canvas");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.fitWidthProperty().bind(canvas.widthProperty().subtract(8));
        view.fitHeightProperty().bind(canvas.heightProperty().subtract(8));
        canvas.setMinSize(200, 200);
        for (Label l : new Label[]{topLeft, bottomLeft, bottomRight}) {
            l.getStyleClass().add("overlay-text");
            l.setMouseTransparent(true);
        }
        message.getStyleClass().add("overlay-message");
        StackPane.setAlignment(topLeft, Pos.TOP_LEFT);
        StackPane.setAlignment(bottomLeft, Pos.BOTTOM_LEFT);
        StackPane.setAlignment(bottomRight, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(topLeft, new Insets(8));
        StackPane.setMargin(bottomLeft, new Insets(8));
        StackPane.setMargin(bottomRight, new Insets(8));
        canvas.getChildren().addAll(topLeft, bottomLeft, bottomRight, message);
        setCenter(canvas);
        slider.setMin(0);
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setSnapToTicks(true);
        slider.getStyleClass().add("series-slider");
        BorderPane.setMargin(slider, new Insets(6, 8, 6, 8));
        setBottom(slider);
        slider.valueProperty().addListener((o, a, b) -> index.set((int) Math.round(b.doubleValue())));
        index.addListener((o, a, b) -> {
            slider.setValue(b.intValue());
            showCurrent();
        });
        windowCentre.addListener((o, a, b) -> repaint());
        windowWidth.addListener((o, a, b) -> repaint());
        setFocusTraversable(true);
        canvas.setOnScroll(e -> step(e.getDeltaY() < 0 ? 1 : -1));
        canvas.setOnMousePressed(e -> {
            requestFocus();
            dragX = e.getX();
            dragY = e.getY();
            if (e.getButton() == MouseButton.PRIMARY) {
                canvas.setCursor(Cursor.CROSSHAIR);
            }
        });
        canvas.setOnMouseReleased(e -> canvas.setCursor(Cursor.DEFAULT));
        canvas.setOnMouseDragged(e -> {
            if (e.getButton() != MouseButton.PRIMARY || Double.isNaN(windowWidth.get())) {
                return;
            }
            adjustWindow(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnKeyPressed(e -> {
            KeyCode k = e.getCode();
            int n = count();
            switch (k) {
                case DOWN, RIGHT -> step(1);
                case UP, LEFT -> step(-1);
                case PAGE_DOWN -> step(Math.max(1, n / 10));
                case PAGE_UP -> step(-Math.max(1, n / 10));
                case HOME -> index.set(0);
                case END -> index.set(Math.max(0, n - 1));
                case R -> resetWindow();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** Shows a series from its first image (the middle for volumes) with each image's own window. */
    public void setSeries(SeriesRecord series) {
        this.series = series;
        synchronized (cache) {
            cache.clear();
        }
        loading.clear();
        windowCentre.set(Double.NaN);
        windowWidth.set(Double.NaN);
        view.setImage(null);
        showing.set(false);
        int n = count();
        slider.setMax(Math.max(0, n - 1));
        slider.setDisable(n <= 1);
        int start = n >= 40 ? n / 2 : 0;
        if (index.get() == start) {
            showCurrent();
        } else {
            index.set(start);
        }
    }

    public SeriesRecord series() {
        return series;
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    public DoubleProperty windowCentreProperty() {
        return windowCentre;
    }

    public DoubleProperty windowWidthProperty() {
        return windowWidth;
    }

    /** True once the current image is on screen. */
    public ReadOnlyBooleanProperty imageShownProperty() {
        return showing.getReadOnlyProperty();
    }

    public int count() {
        return series == null ? 0 : series.instances().size();
    }

    /** Window by a mouse movement: dx widens, dy raises the level; sensitivity follows the current width. */
    public void adjustWindow(double dx, double dy) {
        double w = windowWidth.get();
        double factor = Math.max(0.5, w / 256.0);
        windowWidth.set(Math.max(1, w + dx * factor));
        windowCentre.set(windowCentre.get() + dy * factor);
    }

    public void resetWindow() {
        PixelFrame f = cached(index.get());
        if (f != null) {
            VoiWindow w = FrameRenderer.defaultWindow(f);
            windowCentre.set(w.centre());
            windowWidth.set(w.width());
        }
    }

    private void step(int delta) {
        int n = count();
        if (n > 0) {
            index.set(Math.max(0, Math.min(n - 1, index.get() + delta)));
        }
    }

    private PixelFrame cached(int i) {
        synchronized (cache) {
            return cache.get(i);
        }
    }

    private void showCurrent() {
        if (series == null || count() == 0) {
            return;
        }
        int i = index.get();
        PixelFrame f = cached(i);
        if (f != null) {
            if (Double.isNaN(windowWidth.get())) {
                VoiWindow w = FrameRenderer.defaultWindow(f);
                windowCentre.set(w.centre());
                windowWidth.set(w.width());
            }
            repaint();
        } else {
            load(i, true);
        }
        for (int d = 1; d <= 3; d++) {
            load(i + d, false);
            load(i - d, false);
        }
    }

    private void load(int i, boolean show) {
        if (i < 0 || i >= count() || cached(i) != null || !loading.add(i)) {
            return;
        }
        SeriesRecord s = series;
        executor.submit(() -> {
            try {
                PixelFrame f = imaging.frame(s.instances().get(i));
                Platform.runLater(() -> {
                    loading.remove(i);
                    if (s != series) {
                        return;
                    }
                    synchronized (cache) {
                        cache.put(i, f);
                    }
                    if (i == index.get()) {
                        showCurrent();
                    }
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    loading.remove(i);
                    if (s == series && i == index.get()) {
                        view.setImage(null);
                        message.setText("no preview: " + e.getMessage());
                        updateOverlay();
                    }
                });
            }
        });
    }

    /** Repaints once per pulse however many window or scroll events came in meanwhile. */
    private void repaint() {
        if (!repaintPending) {
            repaintPending = true;
            Platform.runLater(this::paintNow);
        }
    }

    private void paintNow() {
        repaintPending = false;
        PixelFrame f = series == null ? null : cached(index.get());
        if (f == null || Double.isNaN(windowWidth.get())) {
            return;
        }
        message.setText("");
        javafx.scene.image.Image shown = view.getImage();
        // a fresh image when the frame changes, so the cache never shares pixels with the screen
        javafx.scene.image.WritableImage reuse = f == paintedFrame && shown instanceof javafx.scene.image.WritableImage w ? w : null;
        javafx.scene.image.Image image = FxImages.windowed(f, windowCentre.get(), windowWidth.get(), reuse);
        if (image != shown) {
            view.setImage(image);
        }
        paintedFrame = f;
        showing.set(true);
        updateOverlay();
    }

    private void updateOverlay() {
        if (series == null) {
            return;
        }
        topLeft.setText(series.modality() + "  " + series.seriesNumber() + "  " + series.seriesDescription()
                + (series.bodyPartExamined().isEmpty() ? "" : "\n" + series.bodyPartExamined()));
        bottomLeft.setText(String.format(Locale.ROOT, "Im %d / %d", index.get() + 1, count()));
        bottomRight.setText(Double.isNaN(windowWidth.get()) ? ""
                : String.format(Locale.ROOT, "W %.0f  L %.0f", windowWidth.get(), windowCentre.get()));
    }
}
