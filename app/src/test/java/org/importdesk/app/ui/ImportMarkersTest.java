package org.importdesk.app.ui;

import javafx.collections.MapChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.importdesk.app.ui.model.MediumViewModel;
import org.importdesk.app.ui.model.MediumViewModel.StudyRow;
import org.importdesk.app.ui.service.ClassificationService;
import org.importdesk.app.ui.service.ImportMark;
import org.importdesk.app.ui.service.ImportService;
import org.importdesk.app.ui.service.ReconciliationService;
import org.importdesk.app.ui.service.Services;
import org.importdesk.engine.demo.DemoMedium;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.importdesk.app.ui.RadiographerFlowTest.waitFor;

/**
 * The medium's study table marks each study: imported, queued or importing (live), failed, or not imported; in this
 * session and, from the durable send queue, after a restart.
 */
@ExtendWith(ApplicationExtension.class)
class ImportMarkersTest {

    @TempDir
    static Path tmp;
    static Path demo;

    private Workstation ws;
    private Scene scene;

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
    }

    @AfterEach
    void stop() {
        ws.close();
    }

    @Test
    void theImportedStudyIsMarkedLiveAndAfterARestartTheOtherNot(FxRobot robot) throws Exception {
        robot.clickOn("#pathField").write(demo.toString()).type(KeyCode.ENTER);
        MediumViewModel medium = ws.mediumModel();
        waitFor(20, () -> medium.content.get() != null);
        TableView<StudyRow> table = robot.lookup("#studyTable").queryTableView();
        StudyRow ct = row(table, "CT Schädel nativ");
        StudyRow chest = row(table, "Thorax p.a. + seitlich");
        assertThat(ct.patient()).as("the two studies of one patient").isEqualTo(chest.patient());
        String ctUid = ct.study().studyInstanceUid();
        String chestUid = chest.study().studyInstanceUid();
        waitFor(10, () -> ws.services().importer().isPresent());
        assertThat(shownMark(robot, ctUid)).isEqualTo("Not imported");
        assertThat(shownMark(robot, chestUid)).isEqualTo("Not imported");

        // every mark the CT study gets while it is imported, in order
        List<ImportMark.State> seen = Collections.synchronizedList(new ArrayList<>());
        robot.interact(() -> medium.marks.addListener((MapChangeListener<String, ImportMark>) c -> {
            if (c.getKey().equals(ctUid) && c.wasAdded()
                    && (seen.isEmpty() || seen.get(seen.size() - 1) != c.getValueAdded().state())) {
                seen.add(c.getValueAdded().state());
            }
        }));
        // the study confirmed as the radiographer would (class and the disc's own identity kept), then sent
        robot.interact(() -> {
            var p = ct.patient();
            ws.session().studyChosen(p, ct.study());
            ws.session().confirmedClass.set(new ClassificationService.ClassChoice("CTS", "CT Schädel", "CT"));
            ws.session().confirmedPatient.set(new ReconciliationService.Candidate(p.patientId(), p.issuerOfPatientId(),
                    p.patientName(), p.birthDate(), p.sex(), ct.study().accessionNumber(), -1, "disc", List.of(), false, false));
            ws.show(Screen.IMPORT);
        });
        waitFor(180, () -> ws.session().lastImport.get() != null);
        ImportService.Result result = ws.session().lastImport.get();
        assertThat(result.outcome()).as(String.join("; ", result.problems())).isEqualTo(ImportService.Outcome.COMPLETE);
        assertThat(seen).as("marks while importing").startsWith(ImportMark.State.QUEUED).contains(ImportMark.State.IMPORTING)
                .endsWith(ImportMark.State.IMPORTED);

        robot.interact(() -> ws.show(Screen.MEDIUM));
        assertThat(shownMark(robot, ctUid)).isEqualTo("✓ Imported");
        assertThat(shownMark(robot, chestUid)).isEqualTo("Not imported");
        assertThat(medium.mark(ctUid).total()).isEqualTo(ct.study().instanceCount());
        RadiographerFlowTest.waitFor(5, () -> true);
        WaitForAsyncUtils.asyncFx(() -> Screenshots.take(scene, "02b-medium-import-marks")).get(10, TimeUnit.SECONDS);

        // a restart: a new view model over new services on the same data folder reads the marks from the send queue
        Services again = StandardServices.create(tmp.resolve("home"));
        TaskRunner tasks = new TaskRunner();
        try {
            MediumViewModel restarted = WaitForAsyncUtils.asyncFx(
                    () -> new MediumViewModel(again.medium(), again.importer(), tasks)).get();
            robot.interact(() -> restarted.open(demo, "demo"));
            waitFor(20, () -> restarted.content.get() != null && restarted.marks.containsKey(ctUid));
            assertThat(restarted.mark(ctUid).state()).isEqualTo(ImportMark.State.IMPORTED);
            assertThat(restarted.mark(ctUid).total()).isEqualTo(ct.study().instanceCount());
            assertThat(restarted.mark(chestUid).state()).isEqualTo(ImportMark.State.NOT_IMPORTED);
            assertThat(restarted.marks).containsOnlyKeys(ctUid);

            // and the whole workstation restarted on the same home: the table says so, and "next study" skips it
            Stage stage = WaitForAsyncUtils.asyncFx(() -> new Stage()).get();
            Workstation second = WaitForAsyncUtils.asyncFx(() -> {
                Workstation w = new Workstation(again, Locale.ENGLISH);
                stage.setScene(w.createScene(1360, 860));
                stage.show();
                return w;
            }).get(30, TimeUnit.SECONDS);
            try {
                robot.interact(() -> ((SourceController) second.controller(Screen.SOURCE)).open(demo));
                waitFor(20, () -> second.mediumModel().content.get() != null && second.mediumModel().marks.containsKey(ctUid));
                MediumController screen = (MediumController) second.controller(Screen.MEDIUM);
                assertThat(WaitForAsyncUtils.asyncFx(() -> screen.markText(ctUid)).get()).isEqualTo("✓ Imported");
                assertThat(WaitForAsyncUtils.asyncFx(() -> screen.markText(chestUid)).get()).isEqualTo("Not imported");
                assertThat(second.session().importedStudies).containsExactly(ctUid);
            } finally {
                robot.interact(stage::hide);
                second.close();
            }
        } finally {
            tasks.close();
            again.importer().ifPresent(i -> {
                if (i instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
    }

    private static StudyRow row(TableView<StudyRow> table, String description) {
        return table.getItems().stream().filter(r -> r.study().studyDescription().equals(description)).findFirst()
                .orElseThrow(() -> new AssertionError("no study " + description));
    }

    /** The text of the study's cell in the import column, as the table shows it. */
    @SuppressWarnings("unchecked")
    private static String shownMark(FxRobot robot, String studyUid) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            for (var node : robot.lookup("#studyTable .table-cell").queryAll()) {
                if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                        && "importColumn".equals(cell.getTableColumn().getId()) && cell.getTableRow() != null
                        && cell.getTableRow().getItem() instanceof StudyRow r && r.study().studyInstanceUid().equals(studyUid)) {
                    return cell.getText();
                }
            }
            throw new AssertionError("no import cell for " + studyUid);
        }).get(10, TimeUnit.SECONDS);
    }
}
