package org.importdesk.app.ui;

import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.importdesk.app.ui.model.MediumViewModel;
import org.importdesk.app.ui.model.MediumViewModel.StudyRow;
import org.importdesk.app.ui.service.ClassificationService;
import org.importdesk.app.ui.service.ImportService;
import org.importdesk.app.ui.service.ReconciliationService.Candidate;
import org.importdesk.engine.demo.DemoMedium;
import org.importdesk.send.OrthancFixture;
import org.importdesk.send.WorklistOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.importdesk.app.ui.RadiographerFlowTest.waitFor;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Patient screen against a real worklist (Orthanc with its worklist plugin, orders written with dcmtk's dump2dcm,
 * Orthanc also the PACS): the order proposed, a near miss vetoed and shown so, and the confirmed choice is what the
 * archived study carries.
 */
@ExtendWith(ApplicationExtension.class)
class WorklistPatientTest {

    @TempDir
    static Path tmp;
    static Path demo;
    static OrthancFixture orthanc;

    private Workstation ws;
    private Scene scene;

    @BeforeAll
    static void startWorklistAndPacs() throws Exception {
        assumeTrue(OrthancFixture.available(), OrthancFixture.absentMessage());
        assumeTrue(Files.exists(OrthancFixture.WORKLIST_PLUGIN), "Orthanc worklist plugin absent");
        assumeTrue(WorklistOrders.available(), "dcmtk dump2dcm absent: apt-get install dcmtk");
        orthanc = OrthancFixture.start(tmp.resolve("orthanc"), true, null, 0);
        Path wl = orthanc.worklistDirectory();
        // the disc's MÜLLER^ANNA, born 1958-03-14, F: her import order, written another way
        WorklistOrders.write(wl, "a", "Mueller^Anna", "LOC-4711", "KLINIKUM SUED", "19580314", "F", "ACC-4711", "CR chest import");
        // near miss: the same name, another birth date
        WorklistOrders.write(wl, "b", "Müller^Anna", "LOC-0815", "KLINIKUM SUED", "19580413", "F", "ACC-0815", "CR chest import");
        // someone else born the same day
        WorklistOrders.write(wl, "c", "Meier^Paul", "LOC-1234", "KLINIKUM SUED", "19580314", "M", "ACC-1234", "CT import");
        demo = tmp.resolve("demo-cd");
        DemoMedium.write(demo);
    }

    @AfterAll
    static void stopOrthanc() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        // the site's connections: Orthanc is the worklist provider and the PACS
        Files.writeString(home.resolve("site.properties"), WorkstationSettingsKeys.PACS + "=" + orthanc.node() + "\n"
                + WorkstationSettingsKeys.WORKLIST + "=" + orthanc.node() + "\n");
        ws = new Workstation(StandardServices.create(home), Locale.ENGLISH);
        scene = ws.createScene(1360, 860);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        if (ws != null) {
            ws.close();
        }
    }

    /** The keys the settings screen writes, spelled as the site file wants them. */
    private static final class WorkstationSettingsKeys {
        static final String PACS = org.importdesk.app.ui.service.WorkstationSettings.pacsKey();
        static final String WORKLIST = org.importdesk.app.ui.service.WorkstationSettings.worklistKey();
    }

    @Test
    void theWorklistOrderIsProposedTheNearMissVetoedAndTheConfirmedChoiceIsWhatTheArchiveGets(FxRobot robot)
            throws Exception {
        robot.clickOn("#pathField").write(demo.toString()).type(KeyCode.ENTER);
        MediumViewModel medium = ws.mediumModel();
        waitFor(20, () -> medium.content.get() != null);
        TableView<StudyRow> studies = robot.lookup("#studyTable").queryTableView();
        StudyRow chest = studies.getItems().stream()
                .filter(r -> r.study().studyDescription().equals("Thorax p.a. + seitlich")).findFirst().orElseThrow();
        String externalId = chest.patient().patientId();

        // the study with its class confirmed, on to the Patient screen
        robot.interact(() -> {
            ws.session().studyChosen(chest.patient(), chest.study());
            ws.session().confirmedClass.set(new ClassificationService.ClassChoice("KTH", "Thorax", "CR"));
            ws.show(Screen.PATIENT);
        });
        TableView<Candidate> candidates = robot.lookup("#candidateTable").queryTableView();
        waitFor(60, () -> candidates.getItems().stream().anyMatch(c -> c.source().equals("worklist")));
        WaitForAsyncUtils.asyncFx(() -> Screenshots.take(scene, "06b-patient-worklist")).get(10, TimeUnit.SECONDS);

        // the proposal (selected, on top) is the order from the worklist
        Candidate proposed = WaitForAsyncUtils.asyncFx(() -> candidates.getSelectionModel().getSelectedItem()).get();
        assertThat(candidates.getItems().get(0)).isEqualTo(proposed);
        assertThat(proposed.source()).isEqualTo("worklist");
        assertThat(proposed.accession()).isEqualTo("ACC-4711");
        assertThat(proposed.patientId()).isEqualTo("LOC-4711");
        assertThat(proposed.issuer()).isEqualTo("KLINIKUM SUED");
        assertThat(proposed.vetoed()).isFalse();
        assertThat(proposed.automatic()).as("clearly the best, above the threshold").isTrue();
        assertThat(robot.lookup("#notice").queryLabeled().getText()).contains("Chosen automatically");

        // the near miss (same name, another birth date) is listed, vetoed, and says so in its row
        Candidate nearMiss = candidates.getItems().stream().filter(c -> c.accession().equals("ACC-0815")).findFirst()
                .orElseThrow(() -> new AssertionError("near miss not listed: " + candidates.getItems()));
        assertThat(nearMiss.vetoed()).isTrue();
        assertThat(nearMiss.reasons()).anyMatch(r -> r.contains("birth date differs"));
        assertThat(cellText(robot, "scoreColumn", nearMiss)).isEqualTo("Vetoed");
        assertThat(cellText(robot, "whyColumn", nearMiss)).contains("birth date differs");
        assertThat(cellText(robot, "scoreColumn", proposed)).endsWith("%");
        assertThat(candidates.getItems()).extracting(Candidate::accession).contains("ACC-1234");

        // the vetoed order cannot be confirmed: Enter on it stays here and says why
        int nearMissRow = candidates.getItems().indexOf(nearMiss);
        robot.interact(() -> {
            candidates.getSelectionModel().select(nearMissRow);
            candidates.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ws.session().screen.get()).isEqualTo(Screen.PATIENT);
        assertThat(ws.session().confirmedPatient.get()).isNull();

        // back to the proposal and Enter: the import goes to the PACS under the confirmed order
        robot.interact(() -> {
            candidates.getSelectionModel().select(0);
            candidates.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitFor(5, () -> ws.session().screen.get() == Screen.IMPORT);
        assertThat(ws.session().confirmedPatient.get()).isEqualTo(proposed);
        waitFor(120, () -> ws.session().lastImport.get() != null);
        ImportService.Result result = ws.session().lastImport.get();
        assertThat(result.outcome()).as(String.join("; ", result.problems())).isEqualTo(ImportService.Outcome.COMPLETE);

        List<String> ids = instancesOf(chest.study().studyInstanceUid());
        assertThat(ids).hasSize(chest.study().instanceCount());
        for (String id : ids) {
            String tags = orthanc.simplifiedTags(id);
            assertThat(tags).contains("\"PatientID\" : \"LOC-4711\"").contains("\"AccessionNumber\" : \"ACC-4711\"")
                    .contains("\"IssuerOfPatientID\" : \"KLINIKUM SUED\"");
            String other = tags.substring(tags.indexOf("\"OtherPatientIDsSequence\""));
            assertThat(other).contains("\"PatientID\" : \"" + externalId + "\"");
            assertThat(tags).doesNotContain("LOC-0815").doesNotContain("ACC-0815");
        }
    }

    @Test
    void theDiscsAccessionIsClearedWhenThePacsUsesItForAnotherStudy(FxRobot robot) throws Exception {
        robot.clickOn("#pathField").write(demo.toString()).type(KeyCode.ENTER);
        MediumViewModel medium = ws.mediumModel();
        waitFor(20, () -> medium.content.get() != null);
        TableView<StudyRow> studies = robot.lookup("#studyTable").queryTableView();
        StudyRow us = studies.getItems().stream()
                .filter(r -> r.study().studyDescription().equals("Ecografia addome superiore")).findFirst().orElseThrow();
        String discAccession = us.study().accessionNumber();
        assertThat(discAccession).isNotBlank();
        // the PACS already files another patient's study under the disc's accession number
        createStudyInPacs("{\"Tags\": {\"PatientID\": \"OTHER-77\", \"PatientName\": \"ANDERE^PERSON\","
                + " \"AccessionNumber\": \"" + discAccession + "\", \"Modality\": \"OT\"}}");

        robot.interact(() -> {
            ws.session().studyChosen(us.patient(), us.study());
            ws.session().confirmedClass.set(new ClassificationService.ClassChoice("USAB", "US Abdomen", "US"));
            ws.show(Screen.PATIENT);
        });
        TableView<Candidate> candidates = robot.lookup("#candidateTable").queryTableView();
        // no order for her: the disc's identity (with the disc's accession) is what Enter confirms
        waitFor(60, () -> robot.lookup("#notice").queryLabeled().isVisible());
        Candidate chosen = WaitForAsyncUtils.asyncFx(() -> candidates.getSelectionModel().getSelectedItem()).get();
        assertThat(chosen.patientId()).isEqualTo(us.patient().patientId());
        assertThat(chosen.accession()).isEqualTo(discAccession);
        robot.interact(candidates::requestFocus);
        robot.type(KeyCode.ENTER);
        waitFor(5, () -> ws.session().screen.get() == Screen.IMPORT);
        waitFor(120, () -> ws.session().lastImport.get() != null);
        ImportService.Result result = ws.session().lastImport.get();
        assertThat(result.outcome()).as(String.join("; ", result.problems())).isEqualTo(ImportService.Outcome.COMPLETE);
        assertThat(result.problems()).anyMatch(p -> p.contains("already used") && p.contains(discAccession));
        assertThat(robot.lookup("#problems").queryListView().getItems()).isNotEmpty();

        List<String> ids = instancesOf(us.study().studyInstanceUid());
        assertThat(ids).hasSize(us.study().instanceCount());
        for (String id : ids) {
            String tags = orthanc.simplifiedTags(id);
            assertThat(tags).contains("\"PatientID\" : \"" + us.patient().patientId() + "\"")
                    .contains("\"AccessionNumber\" : \"\"");
            assertThat(tags.substring(tags.indexOf("\"OriginalAttributesSequence\"")))
                    .contains("\"AccessionNumber\" : \"" + discAccession + "\"");
        }
    }

    /** Orthanc ids of the instances of one study (by its Study Instance UID). */
    private static List<String> instancesOf(String studyUid) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (String id : orthanc.instanceIds()) {
            if (orthanc.simplifiedTags(id).contains("\"StudyInstanceUID\" : \"" + studyUid + "\"")) {
                out.add(id);
            }
        }
        return out;
    }

    /** A study made by Orthanc itself (/tools/create-dicom), stored at once. */
    private static void createStudyInPacs(String json) throws Exception {
        var c = (java.net.HttpURLConnection) java.net.URI.create("http://127.0.0.1:" + orthanc.httpPort()
                + "/tools/create-dicom").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        try (var o = c.getOutputStream()) {
            o.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(c.getResponseCode() / 100).as("create-dicom: HTTP " + c.getResponseCode()).isEqualTo(2);
        c.getInputStream().readAllBytes();
    }

    /** The text of a candidate's cell in a column of the candidate table. */
    private static String cellText(FxRobot robot, String columnId, Candidate candidate) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            for (var node : robot.lookup("#candidateTable .table-cell").queryAll()) {
                if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                        && columnId.equals(cell.getTableColumn().getId()) && cell.getTableRow() != null
                        && candidate.equals(cell.getTableRow().getItem())) {
                    return cell.getText();
                }
            }
            throw new AssertionError("no " + columnId + " cell for " + candidate.accession());
        }).get(10, TimeUnit.SECONDS);
    }
}
