package org.importdesk.app.ui;

import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.importdesk.engine.media.ProcedureCode;
import org.importdesk.engine.media.SeriesRecord;
import org.importdesk.engine.media.StudyRecord;
import org.importdesk.viewer.MipPreview;
import org.importdesk.viewer.SeriesImaging;
import org.importdesk.viewer.SeriesView;
import org.importdesk.viewer.ThumbnailGrid;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Step 3: the study's series as thumbnails (icons first), the MIPs of a volume, and the series view (Space or a
 * double-click) for scrolling with window/level. Enter goes on to the classification.
 */
public final class StudyController implements ScreenController {

    private final Workstation ws;
    private final ThumbnailGrid grid;
    private final MipPreview mips;
    private final SeriesView seriesView;
    /** Milliseconds from showing a study until every tile shows its rendered thumbnail (-1 while pending). */
    private final LongProperty gridMillis = new SimpleLongProperty(-1);
    private long gridStart;
    private StudyRecord displayed;

    @FXML private StackPane root;
    @FXML private Label studyTitle;
    @FXML private Label studyMeta;
    @FXML private Label studyCodes;
    @FXML private BorderPane gridHolder;
    @FXML private VBox mipHolder;
    @FXML private Label noMip;
    @FXML private GridPane seriesFacts;
    @FXML private BorderPane viewerLayer;
    @FXML private Label viewerTitle;
    @FXML private Button classifyButton;
    @FXML private Button viewButton;

    public StudyController(Workstation ws) {
        this.ws = ws;
        SeriesImaging imaging = ws.services().imaging();
        this.grid = new ThumbnailGrid(imaging, ws.tasks().images());
        this.mips = new MipPreview(imaging, ws.tasks().images());
        this.seriesView = new SeriesView(imaging, ws.tasks().images());
    }

    @FXML
    private void initialize() {
        grid.setId("thumbnail-grid");
        seriesView.setId("series-view");
        mips.setId("mip-preview");
        gridHolder.setCenter(grid);
        mipHolder.getChildren().add(mips);
        mips.setPlaneLabels(List.of(ws.text("mip.axial"), ws.text("mip.coronal"), ws.text("mip.sagittal")));
        mips.setImageSize(130);
        viewerLayer.setCenter(seriesView);
        grid.setOnOpen(this::openSeries);
        grid.selectedProperty().addListener((o, a, s) -> showSeries(s));
        grid.realThumbnailsProperty().addListener((o, a, n) -> {
            if (n.intValue() == grid.series().size() && gridMillis.get() < 0) {
                gridMillis.set((System.nanoTime() - gridStart) / 1_000_000);
            }
        });
        grid.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE && grid.selectedProperty().get() != null) {
                openSeries(grid.selectedProperty().get());
                e.consume();
            }
        });
        viewButton.disableProperty().bind(grid.selectedProperty().isNull());
    }

    @Override
    public void shown() {
        StudyRecord s = ws.session().study.get();
        if (s != null && s != displayed) {
            showStudy(s);
        }
    }

    private void showStudy(StudyRecord s) {
        displayed = s;
        closeViewer();
        studyTitle.setText(s.studyDescription().isEmpty() ? ws.text("medium.noDescription") : s.studyDescription());
        String modalities = s.series().stream().map(SeriesRecord::modality).distinct().collect(Collectors.joining(", "));
        studyMeta.setText(ws.text("study.meta", Formats.date(s.studyDate()), Formats.time(s.studyTime()),
                s.accessionNumber().isEmpty() ? "-" : s.accessionNumber(), modalities, s.series().size(), s.instanceCount()));
        String codes = s.procedureCodes().stream().map(ProcedureCode::codeMeaning).filter(m -> !m.isEmpty())
                .collect(Collectors.joining("; "));
        studyCodes.setText(codes.isEmpty() ? "" : ws.text("study.codes", s.procedureCodes().stream()
                .map(c -> c.codeValue() + " (" + c.codingSchemeDesignator() + ") " + c.codeMeaning()).collect(Collectors.joining("; "))));
        gridMillis.set(-1);
        gridStart = System.nanoTime();
        grid.setSeries(s.series());
    }

    private void showSeries(SeriesRecord s) {
        seriesFacts.getChildren().clear();
        if (s == null) {
            mips.setSeries(null, "");
            return;
        }
        int row = 0;
        row = fact(row, ws.text("study.fact.description"), s.seriesDescription());
        row = fact(row, ws.text("study.fact.modality"), s.modality());
        row = fact(row, ws.text("study.fact.number"), Integer.toString(s.seriesNumber()));
        row = fact(row, ws.text("study.fact.images"), Integer.toString(s.instances().size()));
        row = fact(row, ws.text("study.fact.bodyPart"), s.bodyPartExamined());
        fact(row, ws.text("study.fact.protocol"), s.protocolName());
        boolean volume = SeriesImaging.isVolume(s);
        noMip.setVisible(!volume);
        noMip.setManaged(!volume);
        mips.setSeries(s, ws.text("study.mipCaption", s.instances().size()));
    }

    private int fact(int row, String label, String value) {
        Label l = new Label(label);
        l.getStyleClass().add("fact-label");
        Label v = new Label(value == null || value.isEmpty() ? "-" : value);
        v.getStyleClass().add("fact-value");
        v.setWrapText(true);
        seriesFacts.addRow(row, l, v);
        return row + 1;
    }

    private void openSeries(SeriesRecord s) {
        viewerTitle.setText(s.modality() + "  " + s.seriesNumber() + "  " + s.seriesDescription());
        viewerLayer.setVisible(true);
        seriesView.setSeries(s);
        classifyButton.setDefaultButton(false);
        seriesView.requestFocus();
    }

    @FXML
    private void viewSeries() {
        if (grid.selectedProperty().get() != null) {
            openSeries(grid.selectedProperty().get());
        }
    }

    @FXML
    private void closeViewer() {
        if (viewerLayer.isVisible()) {
            viewerLayer.setVisible(false);
            classifyButton.setDefaultButton(true);
            grid.requestFocus();
        }
    }

    @FXML
    private void resetWindow() {
        seriesView.resetWindow();
    }

    @FXML
    private void classify() {
        if (ws.session().study.get() != null) {
            ws.show(Screen.CLASSIFICATION);
        }
    }

    public ThumbnailGrid grid() {
        return grid;
    }

    public SeriesView seriesView() {
        return seriesView;
    }

    public MipPreview mips() {
        return mips;
    }

    public LongProperty gridMillisProperty() {
        return gridMillis;
    }

    @Override
    public Node focusTarget() {
        return grid;
    }
}
