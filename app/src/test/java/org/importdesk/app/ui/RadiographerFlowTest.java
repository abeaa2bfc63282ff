package org.importdesk.app.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.importdesk.app.ui.model.MediumViewModel;
import org.importdesk.app.ui.service.ImportService;
import org.importdesk.app.ui.service.MediumService;
import org.importdesk.engine.demo.DemoMedium;
import org.importdesk.viewer.SeriesView;
import org.importdesk.viewer.ThumbnailGrid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the radiographer's flow through the real window on the project's demo medium. */
@ExtendWith(ApplicationExtension.class)
class RadiographerFlowTest {

    @TempDir
    static Path tmp;
    static Path demo;

    private Workstation ws;
    private Scene scene;
    private final FxStallWatchdog watchdog = new FxStallWatchdog();

    @BeforeAll
    static void writeDemoMedium() throws Exception {
        demo = tmp.resolve("demo-cd");
        DemoMedium.write(demo);
    }

    @Start
    void start(Stage stage) {
        ws = new Workstation(StandardServices.create(tmp.resolve("home")), Locale.ENGLISH);
        scene = ws.createScene(1360, 860);
        stage.setScene(scene);
        stage.show();
        watchdog.start();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(watchdog::stop).get();
        ws.close();
    }

    @Test
    void fromTheDemoMediumToTheEmbeddedArchive(FxRobot robot) throws Exception {
        shot("01-source");
        step("open the medium");
        robot.clickOn("#pathField" ).write(demo.toString()).type(KeyCode.ENTER);

        MediumViewModel medium = ws.mediumModel();
        waitFor(20, () -> medium.content.get() != null);
        MediumService.MediumContent content = medium.content.get();
        assertThat(content.patients()).hasSize(3);
        assertThat(content.unreadable()).isEqualTo(1);
        assertThat(ws.session().screen.get()).isEqualTo(Screen.MEDIUM);
        TableView<MediumViewModel.StudyRow> table = robot.lookup("#studyTable").queryTableView();
        assertThat(table.getItems()).hasSize(4);
        shot("02-medium");

        // the CT head study: choose it with the keyboard and confirm with Enter
        int ct = indexOf(table, "CT Schädel nativ");
        robot.interact(() -> {
            table.getSelectionModel().select(ct);
            table.requestFocus();
        });
        step("open the CT study");
        robot.type(KeyCode.ENTER);
        waitFor(5, () -> ws.session().screen.get() == Screen.STUDY);
        StudyController study = (StudyController) ws.controller(Screen.STUDY);
        ThumbnailGrid grid = study.grid();
        waitFor(20, () -> grid.realThumbnailsProperty().get() == 3);
        assertThat(study.gridMillisProperty().get()).isBetween(0L, 20_000L);
        int gridSeries = grid.series().size();
        long gridMillis = study.gridMillisProperty().get();
        // the axial volume (48 slices) has MIPs
        step("choose the volume");
        robot.clickOn(robot.lookup(".thumbnail-tile").nth(1).queryAs(javafx.scene.Node.class));
        waitFor(20, () -> study.mips().shownProperty().get() == 3);
        shot("03-study");

        // Space opens the series view; scroll and window by dragging
        step("open the series view");
        robot.type(KeyCode.SPACE);
        SeriesView view = study.seriesView();
        waitFor(10, () -> view.imageShownProperty().get());
        int first = view.indexProperty().get();
        robot.moveTo(view).scroll(3, javafx.geometry.VerticalDirection.DOWN);
        waitFor(5, () -> view.indexProperty().get() != first);
        double widthBefore = view.windowWidthProperty().get();
        robot.drag(view, MouseButton.PRIMARY).moveBy(120, 40).release(MouseButton.PRIMARY);
        assertThat(view.windowWidthProperty().get()).isGreaterThan(widthBefore);
        shot("04-series-view");
        robot.type(KeyCode.ESCAPE);
        waitFor(5, () -> !robot.lookup("#viewerLayer").query().isVisible());

        // Enter: on to the classification; MOMO proposes from the metadata and says why
        step("classify");
        robot.type(KeyCode.ENTER);
        waitFor(5, () -> ws.session().screen.get() == Screen.CLASSIFICATION);
        ClassificationController classification = (ClassificationController) ws.controller(Screen.CLASSIFICATION);
        waitFor(60, () -> classification.model().proposal.get() != null && !classification.model().rows.isEmpty());
        var proposal = classification.model().proposal.get();
        assertThat(proposal.classCode()).as("a CT head study with a head description gets a proposal").isPresent();
        assertThat(proposal.reasons()).isNotEmpty();
        javafx.scene.control.ListView<?> classList = robot.lookup("#classList").queryListView();
        assertThat(((org.importdesk.app.ui.model.ClassificationViewModel.PickerRow) classList.getSelectionModel().getSelectedItem())
                .choice().code()).isEqualTo(proposal.classCode().get());
        // the search narrows the picker; clearing it brings the proposal back on top
        robot.clickOn("#searchField").write("thorax");
        waitFor(5, () -> classification.model().rows.stream().filter(r -> !r.isHeader())
                .allMatch(r -> (r.choice().code() + r.choice().name()).toLowerCase().contains("thorax")));
        robot.interact(() -> classification.model().filter.set(""));
        waitFor(5, () -> ((org.importdesk.app.ui.model.ClassificationViewModel.PickerRow) classList.getSelectionModel()
                .getSelectedItem()).choice().code().equals(proposal.classCode().get()));
        shot("05-classification");
        step("confirm the class");
        robot.type(KeyCode.ENTER);
        waitFor(5, () -> ws.session().screen.get() == Screen.PATIENT);
        assertThat(ws.session().confirmedClass.get().code()).isEqualTo(proposal.classCode().get());
        shot("06-patient");
        step("confirm the patient");
        robot.type(KeyCode.ENTER);
        waitFor(5, () -> ws.session().screen.get() == Screen.IMPORT);
        assertThat(ws.session().confirmedPatient.get().patientId()).isEqualTo("KN-0471123");
        // sending starts on arrival: to the embedded archive (no PACS configured), progress per study, final state
        ImportController importer = (ImportController) ws.controller(Screen.IMPORT);
        waitFor(180, () -> ws.session().lastImport.get() != null);
        var result = ws.session().lastImport.get();
        assertThat(result.outcome()).as(String.join("; ", result.problems())).isEqualTo(ImportService.Outcome.COMPLETE);
        assertThat(result.sent() + result.alreadyPresent()).isEqualTo(89);
        try (var files = java.nio.file.Files.walk(ws.services().settings().current().localArchive())) {
            assertThat(files.filter(java.nio.file.Files::isRegularFile).count()).isGreaterThanOrEqualTo(89);
        }
        shot("07-import");
        // Enter: the next study of the medium not yet imported (the one after the CT study in the medium's list)
        String ctUid = table.getItems().get(ct).study().studyInstanceUid();
        assertThat(ws.session().importedStudies).containsExactly(ctUid);
        step("next study");
        robot.type(KeyCode.ENTER);
        waitFor(5, () -> ws.session().screen.get() == Screen.STUDY);
        var nextStudy = ws.session().study.get();
        assertThat(nextStudy).isNotNull();
        assertThat(nextStudy.studyInstanceUid()).isEqualTo(table.getItems().get((ct + 1) % table.getItems().size())
                .study().studyInstanceUid()).isNotEqualTo(ctUid);
        assertThat(ws.session().patient.get().studies()).contains(nextStudy);
        assertThat(table.getSelectionModel().getSelectedItem().study().studyInstanceUid()).isEqualTo(nextStudy.studyInstanceUid());
        assertThat(ws.session().confirmedClass.get()).isNull();
        assertThat(ws.session().confirmedPatient.get()).isNull();
        waitFor(20, () -> study.grid().series().size() == nextStudy.series().size());
        shot("07b-next-study");
        // the import is in the history (the engine's audit record), searchable
        robot.clickOn("#nav-history");
        HistoryController history = (HistoryController) ws.controller(Screen.HISTORY);
        waitFor(20, () -> !history.table().getItems().isEmpty());
        robot.clickOn("#searchField").write("CTS");
        waitFor(5, () -> history.table().getItems().size() == 1);
        assertThat(history.table().getItems().get(0).confirmedClass()).isEqualTo("CTS");
        shot("08-history");

        System.out.printf(Locale.ROOT, "[ui-measure] thumbnail grid of %d series complete after %d ms%n",
                gridSeries, gridMillis);
        System.out.printf(Locale.ROOT, "[ui-measure] FX thread during the flow: most CPU between two pulses %.1f ms;"
                        + " longest wall-clock gap %.1f ms (load average %.1f on %d cores); %d pulses%n",
                watchdog.worstBusyMillis(), watchdog.worstStallMillis(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), watchdog.pulses());
        watchdog.stalls.forEach(st -> System.out.println("[ui-measure] " + st));
        watchdog.topStallFrames(12).forEach(f -> System.out.println("[ui-stall-frame] " + f));
    }

    private static int indexOf(TableView<MediumViewModel.StudyRow> table, String description) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).study().studyDescription().equals(description)) {
                return i;
            }
        }
        throw new AssertionError("no study " + description);
    }

    private void step(String what) {
        System.out.println("[ui-step] +" + watchdog.now() + " ms " + what);
    }

    /** A screenshot is the test's work, not the workstation's: the watchdog pauses meanwhile. */
    private void shot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        System.out.println("[ui-step] +" + watchdog.now() + " ms screenshot " + name);
        WaitForAsyncUtils.asyncFx(() -> {
            watchdog.stop();
            Screenshots.take(scene, name);
            watchdog.resume();
            return null;
        }).get(10, TimeUnit.SECONDS);
    }

    /** Waits for a condition, evaluated on the FX thread (the screens' state belongs to it). */
    static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
