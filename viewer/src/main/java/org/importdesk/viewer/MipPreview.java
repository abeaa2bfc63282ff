package org.importdesk.viewer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.importdesk.engine.media.SeriesRecord;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** The three maximum intensity projections of a volume (axial, coronal, sagittal), as MOMO's network sees it. */
public final class MipPreview extends VBox {

    private static final String[] PLANES = {"axial", "coronal", "sagittal"};
    private final SeriesImaging imaging;
    private final ExecutorService executor;
    private final HBox row = new HBox(8);
    private final Label caption = new Label();
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown");
    private Future<?> pending;
    private double size = 150;
    private List<String> planeLabels = List.of(PLANES);

    public MipPreview(SeriesImaging imaging, ExecutorService executor) {
        this.imaging = imaging;
        this.executor = executor;
        getStyleClass().add("mip-preview");
        caption.getStyleClass().add("mip-caption");
        caption.setWrapText(true);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(caption, row);
        setSpacing(6);
    }

    public void setPlaneLabels(List<String> labels) {
        this.planeLabels = List.copyOf(labels);
    }

    public void setImageSize(double size) {
        this.size = size;
    }

    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Shows the MIPs of the series, or hides itself when it is not a volume. Call on the FX thread. */
    public void setSeries(SeriesRecord series, String captionText) {
        if (pending != null) {
            pending.cancel(true);
        }
        row.getChildren().clear();
        shown.set(0);
        boolean volume = series != null && SeriesImaging.isVolume(series);
        setVisible(volume);
        setManaged(volume);
        if (!volume) {
            return;
        }
        caption.setText(captionText);
        for (int i = 0; i < 3; i++) {
            StackPane placeholder = new StackPane(new Label("…"));
            placeholder.getStyleClass().add("mip-image");
            placeholder.setPrefSize(size, size);
            row.getChildren().add(placeholder);
        }
        pending = executor.submit(() -> {
            try {
                List<BufferedImage> mips = imaging.mips(series);
                List<Image> images = mips.stream().map(FxImages::of).toList();
                Platform.runLater(() -> show(images));
            } catch (Exception e) {
                Platform.runLater(() -> caption.setText(captionText + ": " + e.getMessage()));
            }
        });
    }

    private void show(List<Image> images) {
        row.getChildren().clear();
        for (int i = 0; i < images.size(); i++) {
            ImageView v = new ImageView(images.get(i));
            v.setFitWidth(size);
            v.setFitHeight(size);
            v.setPreserveRatio(true);
            v.setSmooth(true);
            Label plane = new Label(i < planeLabels.size() ? planeLabels.get(i) : "");
            plane.getStyleClass().add("overlay-text");
            StackPane.setAlignment(plane, Pos.BOTTOM_LEFT);
            StackPane box = new StackPane(v, plane);
            box.getStyleClass().add("mip-image");
            box.setPrefSize(size, size);
            row.getChildren().add(box);
        }
        shown.set(images.size());
    }
}
