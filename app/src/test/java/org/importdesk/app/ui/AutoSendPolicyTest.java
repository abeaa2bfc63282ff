package org.importdesk.app.ui;

import javafx.stage.Stage;
import org.importdesk.app.ui.model.MediumViewModel;
import org.importdesk.engine.demo.DemoMedium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.importdesk.app.ui.RadiographerFlowTest.waitFor;

/** With the site's auto-send policy on, a proposal at or above its confidence is confirmed without a key press. */
@ExtendWith(ApplicationExtension.class)
class AutoSendPolicyTest {

    @TempDir
    Path home;
    private Workstation ws;

    @Start
    void start(Stage stage) throws Exception {
        Files.writeString(home.resolve("site.properties"), "autosend.enabled=true\nautosend.minConfidence=0.80\n");
        DemoMedium.write(home.resolve("cd"));
        ws = new Workstation(StandardServices.create(home), Locale.ENGLISH);
        stage.setScene(ws.createScene(1360, 860));
        stage.show();
    }

    @AfterEach
    void stop() {
        ws.close();
    }

    @Test
    void aConfidentProposalIsConfirmedByThePolicy(FxRobot robot) throws Exception {
        robot.interact(() -> ((SourceController) ws.controller(Screen.SOURCE)).open(home.resolve("cd")));
        MediumViewModel medium = ws.mediumModel();
        waitFor(60, () -> medium.content.get() != null);
        MediumViewModel.StudyRow mr = medium.studies.stream()
                .filter(r -> r.study().studyDescription().equals("MRI LUMBAR SPINE WO CONTRAST")).findFirst().orElseThrow();
        robot.interact(() -> {
            ws.session().studyChosen(mr.patient(), mr.study());
            ws.show(Screen.CLASSIFICATION);
        });
        waitFor(120, () -> ws.session().screen.get() == Screen.PATIENT);
        var proposal = ws.session().proposal.get();
        assertThat(proposal.confidence()).isGreaterThanOrEqualTo(0.80);
        assertThat(ws.session().confirmedClass.get().code()).isEqualTo(proposal.classCode().orElseThrow());
    }
}
