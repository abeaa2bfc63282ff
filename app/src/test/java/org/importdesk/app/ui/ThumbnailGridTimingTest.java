package org.importdesk.app.ui;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.importdesk.app.ui.model.MediumViewModel;
import org.importdesk.engine.demo.DemoMedium;
import org.importdesk.viewer.ThumbnailGrid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.importdesk.app.ui.RadiographerFlowTest.waitFor;

/**
 * A 20-series study: its DICOMDIR icons fill the grid the moment the study opens, the rendered thumbnails follow.
 * The time to the complete grid is printed as a figure ([ui-measure]); the assertion only guards against a hang.
 */
@ExtendWith(ApplicationExtension.class)
class ThumbnailGridTimingTest {

    @TempDir
    static Path tmp;
    static Path demo;
    private Workstation ws;

    @BeforeAll
    static void writeDemo() throws Exception {
        demo = tmp.resolve("cd");
        DemoMedium.write(demo, new DemoMedium.Options(20, 99));
    }

    @Start
    void start(Stage stage) {
        ws = new Workstation(StandardServices.create(tmp.resolve("home")), Locale.ENGLISH);
        Scene scene = ws.createScene(1360, 860);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        ws.close();
    }

    @Test
    void twentySeriesGrid(FxRobot robot) throws Exception {
        robot.interact(() -> ((SourceController) ws.controller(Screen.SOURCE)).open(demo));
        MediumViewModel medium = ws.mediumModel();
        waitFor(60, () -> medium.content.get() != null);
        MediumViewModel.StudyRow big = medium.studies.stream().filter(r -> r.study().series().size() == 20).findFirst().orElseThrow();
        StudyController study = (StudyController) ws.controller(Screen.STUDY);
        ThumbnailGrid grid = study.grid();
        int[] iconsAtOpen = new int[1];
        robot.interact(() -> {
            ws.session().studyChosen(big.patient(), big.study());
            ws.show(Screen.STUDY);
            iconsAtOpen[0] = grid.shownThumbnailsProperty().get();
        });
        assertThat(iconsAtOpen[0]).as("DICOMDIR icons are on screen as the study opens").isEqualTo(20);
        waitFor(60, () -> grid.realThumbnailsProperty().get() == 20);
        long millis = study.gridMillisProperty().get();
        assertThat(millis).isPositive();
        System.out.printf(Locale.ROOT, "[ui-measure] 20-series study: icons at open %d/20; all 20 rendered thumbnails after %d ms (%d cores)%n",
                iconsAtOpen[0], millis, Runtime.getRuntime().availableProcessors());
    }
}
