package org.importdesk.app.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.importdesk.app.ui.RadiographerFlowTest.waitFor;

/** Settings write the user's configuration file through the engine's configuration, and refuse bad nodes clearly. */
@ExtendWith(ApplicationExtension.class)
class SettingsScreenTest {

    @TempDir
    Path home;
    private Workstation ws;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Files.writeString(home.resolve("site.properties"), "autosend.enabled=true\nautosend.minConfidence=0.97\nroles.teamLeads=lead1, lead2\n");
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
    void savesTheNodeAndTheLanguageAndRefusesANodeWithoutPort(FxRobot robot) throws Exception {
        robot.clickOn("#nav-settings");
        waitFor(5, () -> ws.session().screen.get() == Screen.SETTINGS);
        Label autoSend = robot.lookup("#autoSendLabel").queryAs(Label.class);
        assertThat(autoSend.getText()).contains("97 %");
        assertThat(robot.lookup("#teamLeadsLabel").queryAs(Label.class).getText()).contains("lead1").contains("lead2");

        robot.clickOn("#pacsField").write("ARCHIVE@127.0.0.1:11112");
        robot.interact(() -> robot.lookup("#languageBox").<String>queryComboBox().setValue("Deutsch"));
        robot.clickOn("#saveButton");
        Label saved = robot.lookup("#savedLabel").queryAs(Label.class);
        waitFor(20, () -> saved.getText().equals("Saved."));
        Path user = home.resolve("config").resolve("user.properties");
        assertThat(Files.readString(user)).contains("pacs.main=ARCHIVE@127.0.0.1:11112").contains("language=de");
        assertThat(ws.services().settings().current().defaultPacs()).isPresent();
        shot("11-settings");

        robot.doubleClickOn("#pacsField").eraseText(30).write("ARCHIVE@somewhere");
        robot.clickOn("#saveButton");
        waitFor(20, () -> saved.getText().startsWith("Not saved"));
        assertThat(saved.getText()).contains("port");
        assertThat(Files.readString(user)).contains("pacs.main=ARCHIVE@127.0.0.1:11112");
    }

    private void shot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            Screenshots.take(scene, name);
            return null;
        }).get(10, TimeUnit.SECONDS);
    }
}
