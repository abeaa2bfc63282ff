package org.importdesk.app.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
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

    @Test
    void savesStorageCommitmentAndANewWorkstationShowsIt(FxRobot robot) throws Exception {
        openSettings(robot);
        TextField port = robot.lookup("#commitmentPortField").queryAs(TextField.class);
        assertThat(port.getText()).isEmpty();
        assertThat(port.isDisabled()).isFalse();
        robot.clickOn("#commitmentPortField").write("11119");
        robot.doubleClickOn("#commitmentWaitField").eraseText(5).write("90");
        robot.clickOn("#saveButton");
        Label saved = robot.lookup("#savedLabel").queryAs(Label.class);
        waitFor(20, () -> saved.getText().equals("Saved."));
        Path user = home.resolve("config").resolve("user.properties");
        assertThat(Files.readString(user)).contains("commitment.port=11119").contains("commitment.waitSeconds=90");
        assertThat(ws.services().settings().current().commitment().port()).hasValue(11119);

        Workstation again = new Workstation(StandardServices.create(home), Locale.ENGLISH);
        try {
            Parent view = WaitForAsyncUtils.asyncFx(() -> again.view(Screen.SETTINGS)).get(20, TimeUnit.SECONDS);
            assertThat(((TextField) view.lookup("#commitmentPortField")).getText()).isEqualTo("11119");
            assertThat(((TextField) view.lookup("#commitmentWaitField")).getText()).isEqualTo("90");
        } finally {
            again.close();
        }

        // an empty port takes storage commitment off again
        robot.doubleClickOn("#commitmentPortField").eraseText(10);
        robot.clickOn("#saveButton");
        waitFor(20, () -> saved.getText().equals("Saved.") && ws.services().settings().current().commitment().port().isEmpty());
        assertThat(Files.readAllLines(user)).noneMatch(l -> l.startsWith("commitment.port=")).contains("commitment.waitSeconds=90");
    }

    @Test
    void refusesAPortOutOfRangeAndWritesNothing(FxRobot robot) throws Exception {
        openSettings(robot);
        robot.clickOn("#commitmentPortField").write("70000");
        robot.clickOn("#saveButton");
        Label saved = robot.lookup("#savedLabel").queryAs(Label.class);
        waitFor(20, () -> saved.getText().startsWith("Not saved"));
        assertThat(saved.getText()).contains("Commitment port").contains("70000").contains("1..65535");
        assertThat(robot.lookup("#commitmentNote").queryAs(Label.class).getText()).contains("computer's address");
        shot("11b-settings-commitment-refused");
        assertThat(home.resolve("config").resolve("user.properties")).doesNotExist();
        assertThat(ws.services().settings().current().commitment().enabled()).isFalse();
    }

    @Test
    void refusesAKeyStoreThatIsMissingOrLacksItsPasswordAndNeverShowsThePassword(FxRobot robot) throws Exception {
        openSettings(robot);
        Path missing = home.resolve("certs").resolve("workstation.p12");
        robot.clickOn("#keyStoreField").write(missing.toString());
        robot.clickOn("#saveButton");
        Label saved = robot.lookup("#savedLabel").queryAs(Label.class);
        waitFor(20, () -> saved.getText().startsWith("Not saved"));
        assertThat(saved.getText()).contains("TLS key store").contains("tls.keyStorePassword is missing");

        robot.clickOn("#keyStorePasswordField").write("s3cret-pw");
        robot.interact(() -> saved.setText(""));
        robot.clickOn("#saveButton");
        waitFor(20, () -> saved.getText().startsWith("Not saved"));
        assertThat(saved.getText()).contains("TLS key store").contains("not found").contains(missing.toString())
                .doesNotContain("s3cret-pw");
        assertThat(home.resolve("config").resolve("user.properties")).doesNotExist();
    }

    @Test
    void checksTheKeyStorePasswordAndShowsSetWithoutTheSecret(FxRobot robot) throws Exception {
        Path store = home.resolve("workstation.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "ws", "-keyalg", "EC", "-dname", "CN=importdesk-test", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "right-pw", "-keypass", "right-pw")
                .redirectErrorStream(true).start();
        String keytoolOutput = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(keytoolOutput).isZero();
        openSettings(robot);
        robot.clickOn("#keyStoreField").write(store.toString());
        robot.clickOn("#keyStorePasswordField").write("wrong-pw");
        robot.clickOn("#saveButton");
        Label saved = robot.lookup("#savedLabel").queryAs(Label.class);
        waitFor(20, () -> saved.getText().startsWith("Not saved"));
        assertThat(saved.getText()).contains("TLS key store").contains("wrong password").doesNotContain("wrong-pw");

        PasswordField password = robot.lookup("#keyStorePasswordField").queryAs(PasswordField.class);
        robot.interact(() -> password.setText("right-pw"));
        robot.clickOn("#saveButton");
        waitFor(20, () -> saved.getText().equals("Saved."));
        assertThat(Files.readString(home.resolve("config").resolve("user.properties")))
                .contains("tls.keyStorePassword=right-pw");
        assertThat(password.getText()).isEmpty();
        assertThat(password.getPromptText()).isEqualTo("(set)");
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).noneMatch(l -> String.valueOf(l.getText()).contains("right-pw"));
    }

    @Test
    void showsWhatTheSiteFileSetsReadOnly(FxRobot robot) throws Exception {
        Files.writeString(home.resolve("site.properties"), "commitment.port=11120\ntls.trustStore=/etc/importdesk/trusted.p12\n"
                + "tls.trustStorePassword=site-pw\n");
        Workstation site = new Workstation(StandardServices.create(home), Locale.ENGLISH);
        try {
            Parent view = WaitForAsyncUtils.asyncFx(() -> site.view(Screen.SETTINGS)).get(20, TimeUnit.SECONDS);
            TextField port = (TextField) view.lookup("#commitmentPortField");
            assertThat(port.getText()).isEqualTo("11120");
            assertThat(port.isEditable()).isFalse();
            assertThat(((TextField) view.lookup("#commitmentWaitField")).isEditable()).isTrue();
            assertThat(((TextField) view.lookup("#keyStoreField")).isEditable()).isFalse();
            assertThat(((PasswordField) view.lookup("#trustStorePasswordField")).getPromptText()).isEqualTo("(set)");
            assertThat(((Label) view.lookup("#commitmentNote")).getText()).contains("site file").contains("site.properties");
            assertThat(((Label) view.lookup("#tlsNote")).getText()).contains("site file");
        } finally {
            site.close();
        }
    }

    private void openSettings(FxRobot robot) throws Exception {
        robot.clickOn("#nav-settings");
        waitFor(5, () -> ws.session().screen.get() == Screen.SETTINGS);
    }

    private void shot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            Screenshots.take(scene, name);
            return null;
        }).get(10, TimeUnit.SECONDS);
    }
}
