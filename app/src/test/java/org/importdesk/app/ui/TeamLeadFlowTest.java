package org.importdesk.app.ui;

import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.importdesk.app.ui.model.MappingViewModel;
import org.importdesk.app.ui.service.DecisionLog;
import org.importdesk.app.ui.service.MappingService;
import org.importdesk.engine.config.PinHash;
import org.importdesk.engine.config.SettingKeys;
import org.importdesk.engine.classify.TextStudies;
import org.importdesk.mapping.ChangeLogEntry;
import org.importdesk.mapping.Keyword;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.importdesk.app.ui.RadiographerFlowTest.waitFor;

/** The team lead's flow: the role gate, an edit, its replay against past decisions, saving, history, rollback. */
@ExtendWith(ApplicationExtension.class)
class TeamLeadFlowTest {

    private static final String NEW_KEYWORD = "kalottenspezial";

    @TempDir
    Path home;
    private Workstation ws;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        // the site file (the administrator's) holds the team-lead PIN as a salted hash
        java.nio.file.Files.writeString(home.resolve("site.properties"), SettingKeys.TEAM_LEAD_PIN_HASH + "="
                + PinHash.create("2468".toCharArray()).format() + "\n");
        // two decisions radiographers confirmed earlier: the new keyword will fix the first and leave the second
        DecisionLog log = new DecisionLog(home.resolve("data").resolve("decisions.tsv"));
        log.record(TextStudies.study("1.2.3.1", "CT", "Kalottenspezial nativ", "Thorax 1mm", "", "", ""), "CTT", "CTS", "anna");
        log.record(TextStudies.study("1.2.3.2", "CT", "CT Thorax nativ", "Thorax 1mm", "CHEST", "", ""), "CTT", "CTT", "anna");
        ws = new Workstation(StandardServices.create(home), Locale.ENGLISH);
        scene = ws.createScene(1360, 860);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        ws.close();
    }

    @Test
    void editReplaySaveAndRollBack(FxRobot robot) throws Exception {
        assertThat(ws.session().teamLead.get()).isFalse();
        robot.clickOn("#nav-mapping");
        waitFor(5, () -> ws.session().screen.get() == Screen.MAPPING);
        assertThat(robot.lookup("#gate").query().isVisible()).isTrue();
        shot("12-mapping-gate");
        robot.clickOn("#pinField").write("1111").type(javafx.scene.input.KeyCode.ENTER);
        assertThat(ws.session().teamLead.get()).as("a wrong PIN is refused").isFalse();
        robot.doubleClickOn("#pinField").eraseText(4).write("2468").type(javafx.scene.input.KeyCode.ENTER);
        waitFor(5, () -> ws.session().teamLead.get());

        MappingController mapping = (MappingController) ws.controller(Screen.MAPPING);
        MappingViewModel model = mapping.model();
        // unlocking started the load (content and change history in one task)
        await(model.lastTask().get());
        assertThat(model.loaded.get()).isTrue();
        int keywordsBefore = model.keywords.size();
        List<ChangeLogEntry> historyBefore = List.copyOf(model.changes);
        assertThat(historyBefore).as("the default content is logged").isNotEmpty();
        assertThat(keywordsBefore).isGreaterThan(100);

        robot.clickOn("#newKwClass").write("CTS");
        robot.clickOn("#newKwText").write(NEW_KEYWORD);
        robot.clickOn("#newKwLanguage").write("de");
        robot.clickOn("#addKeywordButton");
        assertThat(model.keywords).contains(new Keyword("CTS", NEW_KEYWORD, "de", Keyword.Scope.BOTH));
        Button save = robot.lookup("#saveButton").queryButton();
        assertThat(save.isDisabled()).as("saving needs a replay first").isTrue();

        robot.clickOn("#replayButton");
        await(model.lastTask().get());
        assertThat(model.replayed.get()).isTrue();
        MappingService.Replay replay = model.replay.get();
        assertThat(replay.decisionsChecked()).isEqualTo(2);
        assertThat(replay.changes()).singleElement().satisfies(c -> {
            assertThat(c.study()).isEqualTo("Kalottenspezial nativ");
            assertThat(c.after()).isEqualTo("CTS");
            assertThat(c.verdict()).isEqualTo(MappingService.Verdict.FIXES);
        });
        waitFor(5, () -> !save.isDisabled());
        shot("09-mapping-replay");

        Task<?> replayTask = model.lastTask().get();
        robot.clickOn(save);
        Task<?> saveTask = model.lastTask().get();
        assertThat(saveTask).as("the save runs as its own task").isNotSameAs(replayTask);
        long started = System.nanoTime();
        await(saveTask);
        System.out.printf("TeamLeadFlowTest: save task done %d ms after the click%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(model.dirty.get()).isFalse();
        assertThat(model.keywords).hasSize(keywordsBefore + 1);

        // the save wrote exactly what the test edited: one keyword row inserted, nothing else
        List<ChangeLogEntry> saved = model.changes.subList(historyBefore.size(), model.changes.size());
        assertThat(model.changes.subList(0, historyBefore.size())).isEqualTo(historyBefore);
        assertThat(saved).singleElement().satisfies(c -> {
            assertThat(c.table()).isEqualTo("keyword");
            assertThat(c.oldValue()).isEmpty();
            assertThat(c.newValue()).contains("class_code=CTS\ttext=" + NEW_KEYWORD + "\tlanguage=de\tscope=both");
            assertThat(c.reverts()).isEmpty();
        });
        ChangeLogEntry change = saved.get(0);

        // the change history shows the insert; rolling it back removes the keyword again, and only that
        robot.interact(() -> mapping.tabs().getSelectionModel().select(5));
        javafx.scene.control.TableView<?> changes = robot.lookup("#changeTable").queryTableView();
        robot.interact(() -> changes.getSelectionModel().select(model.changes.indexOf(change)));
        shot("10-mapping-history");
        robot.clickOn("#rollbackButton");
        await(model.lastTask().get());
        assertThat(model.keywords).hasSize(keywordsBefore);
        assertThat(model.keywords).noneMatch(k -> k.text().equals(NEW_KEYWORD));
        assertThat(model.changes).hasSize(historyBefore.size() + 2);
        assertThat(model.changes.get(model.changes.size() - 1)).satisfies(r -> {
            assertThat(r.reverts()).contains(change.id());
            assertThat(r.table()).isEqualTo("keyword");
            assertThat(r.rowKey()).isEqualTo(change.rowKey());
            assertThat(r.oldValue()).isEqualTo(change.newValue());
            assertThat(r.newValue()).isEmpty();
        });
    }

    /**
     * Waits for a background task of the editor and for its result to reach the view model (the success handler
     * runs on the FX thread); a failed task fails the test with its cause instead of a time-out.
     */
    private static void await(Task<?> task) throws Exception {
        assertThat(task).as("a background task was started").isNotNull();
        task.get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            Screenshots.take(scene, name);
            return null;
        }).get(10, TimeUnit.SECONDS);
    }
}
