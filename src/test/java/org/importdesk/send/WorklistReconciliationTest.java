package org.importdesk.send;

import org.importdesk.engine.dicom.DicomQueryClient;
import org.importdesk.engine.reconcile.CandidateScorer;
import org.importdesk.engine.reconcile.Demographics;
import org.importdesk.engine.reconcile.Reconciler;
import org.importdesk.engine.reconcile.Reconciliation;
import org.importdesk.engine.reconcile.ScoredCandidate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Must show: against Orthanc's worklist plugin, the right order is chosen and a near miss with another birth date is not. */
class WorklistReconciliationTest {
    @TempDir
    static Path tmp;
    static OrthancFixture orthanc;

    @BeforeAll
    static void startWorklist() throws Exception {
        assumeTrue(OrthancFixture.available(), OrthancFixture.absentMessage());
        assumeTrue(java.nio.file.Files.exists(OrthancFixture.WORKLIST_PLUGIN), "Orthanc worklist plugin absent");
        assumeTrue(WorklistOrders.available(), "dcmtk dump2dcm absent: apt-get install dcmtk");
        orthanc = OrthancFixture.start(tmp.resolve("orthanc"), true, null, 0);
        Path wl = orthanc.worklistDirectory();
        // the right order
        WorklistOrders.write(wl, "a", "Müller^Hans", "LOC-A1", "HOSP", "19600101", "M", "ACC-A1", "MR head import");
        // near miss: same name written another way, another birth date
        WorklistOrders.write(wl, "b", "Mueller^Hans", "LOC-B2", "HOSP", "19610101", "M", "ACC-B2", "MR head import");
        // same birth date, another person
        WorklistOrders.write(wl, "c", "Schmidt^Anna", "LOC-C3", "HOSP", "19600101", "F", "ACC-C3", "CT import");
    }

    @AfterAll
    static void stop() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    private static Reconciliation reconcile(Demographics external) throws Exception {
        return new Reconciler(new DicomQueryClient("IMPORTDESK"), CandidateScorer.defaults())
                .reconcile(external, Optional.of(orthanc.node()), Optional.empty());
    }

    @Test
    void theRightOrderIsChosenAndTheNearMissWithAnotherBirthDateIsVetoed() throws Exception {
        // the medium writes the name in another order and without the umlaut
        Reconciliation r = reconcile(new Demographics("EXT-99", "OTHER-HOSP", "HANS MUELLER", "19600101", "M"));

        assertThat(r.chosen()).as(r.explanation()).isPresent();
        assertThat(r.chosen().get().candidate().accessionNumber()).isEqualTo("ACC-A1");
        assertThat(r.chosen().get().candidate().demographics().patientId()).isEqualTo("LOC-A1");
        assertThat(r.chosen().get().candidate().demographics().name()).isEqualTo("Müller^Hans");
        ScoredCandidate nearMiss = r.ranked().stream()
                .filter(c -> c.candidate().accessionNumber().equals("ACC-B2")).findFirst().orElseThrow();
        assertThat(nearMiss.nameSimilarity()).as("the name alone matches").isGreaterThan(0.95);
        assertThat(nearMiss.vetoed()).isTrue();
        assertThat(r.ranked()).extracting(c -> c.candidate().accessionNumber()).containsExactlyInAnyOrder("ACC-A1", "ACC-B2", "ACC-C3");
    }

    @Test
    void aNearMissAloneIsNotChosen() throws Exception {
        Reconciliation r = reconcile(new Demographics("EXT-98", "", "Mueller^Hans", "19610102", "M"));
        assertThat(r.chosen()).isEmpty();
    }

    @Test
    void theWorklistCommandMarksTheChoice() {
        Cli.Result out = Cli.run("worklist", "--from", orthanc.node().toString(), "--name", "MUELLER^HANS",
                "--birth-date", "19600101");
        assertThat(out.exitCode()).isZero();
        assertThat(out.out().lines().filter(l -> l.startsWith("chosen")).toList())
                .singleElement().asString().contains("ACC-A1");
        assertThat(out.out()).contains("vetoed").contains("ACC-B2");
        Cli.Result all = Cli.run("worklist", "--from", orthanc.node().toString());
        assertThat(all.exitCode()).isZero();
        assertThat(all.out().lines().count()).isEqualTo(4);
    }
}
