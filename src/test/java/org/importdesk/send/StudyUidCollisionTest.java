package org.importdesk.send;

import org.importdesk.engine.send.CoercionPlan;
import org.importdesk.engine.send.SendItem;
import org.importdesk.engine.send.SendOptions;
import org.importdesk.engine.send.SendQueue;
import org.importdesk.engine.send.SendReport;
import org.importdesk.engine.send.StudySender;
import org.importdesk.engine.send.StudyUidCollisionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The PACS holds the Study Instance UID under another patient: stop; with new UIDs every reference stays consistent. */
class StudyUidCollisionTest {

    private static CoercionPlan plan(String localId) {
        return new CoercionPlan(localId, "HOSP-A", null, null, null, null, "MR-HEAD", "MR Kopf", "99IMPORTDESK", true,
                true, "dicom", "", "ImportDesk");
    }

    @Test
    void aStudyUidUnderAnotherPatientStopsTheImportAndNewUidsResolveIt(@TempDir Path tmp) throws Exception {
        Path ge = Corpus.corpus("dcm_qa_ge");
        assumeTrue(Files.isDirectory(ge), "../shared/corpus absent: " + ge);
        assumeTrue(OrthancFixture.available(), OrthancFixture.absentMessage());
        List<SendItem> items = ResilienceTest.items(ge, 8);
        try (OrthancFixture orthanc = OrthancFixture.start(tmp.resolve("orthanc"));
             SendQueue queue = SendQueue.open(tmp.resolve("data"))) {
            SendOptions options = SendOptions.defaults("IMPORTDESK");
            assertThat(new StudySender(queue, options, null).send(orthanc.node(), Corpus.GE_STUDY, items, plan("PAT-A"))
                    .complete()).isTrue();

            assertThatThrownBy(() -> new StudySender(queue, options, null)
                    .send(orthanc.node(), Corpus.GE_STUDY, items, plan("PAT-B")))
                    .isInstanceOf(StudyUidCollisionException.class).hasMessageContaining("--new-uids");
            assertThat(orthanc.instanceCount()).as("nothing sent for the other patient").isEqualTo(8);

            SendReport renamed = new StudySender(queue, options.withNewUids(true), null)
                    .send(orthanc.node(), Corpus.GE_STUDY, items, plan("PAT-B"));
            assertThat(renamed.complete()).as("%s %s", renamed.warnings(), renamed.rows()).isTrue();
            assertThat(renamed.targetStudyUid()).isNotEqualTo(Corpus.GE_STUDY).startsWith("2.25.");
            assertThat(orthanc.instanceCount()).isEqualTo(16);
            Set<String> inPacs = ResilienceTest.sopInstanceUids(orthanc);
            for (var row : renamed.rows()) {
                assertThat(inPacs).contains(row.targetUid(), row.sopInstanceUid());
                String tags = orthanc.get("/instances/" + GeStudyImportTest.lookup(orthanc, row.targetUid()) + "/tags?simplify");
                assertThat(GeStudyImportTest.value(tags, "StudyInstanceUID")).isEqualTo(renamed.targetStudyUid());
                assertThat(GeStudyImportTest.value(tags, "PatientID")).isEqualTo("PAT-B");
                assertThat(GeStudyImportTest.section(tags, "OriginalAttributesSequence"))
                        .contains(Corpus.GE_STUDY).contains(row.sopInstanceUid());
            }
            // series of the same source series share one new series UID
            long series = renamed.rows().stream().map(r -> r.seriesInstanceUid()).distinct().count();
            assertThat(orthanc.get("/studies").split("-").length).isGreaterThan(1);
            assertThat(renamed.perSeries()).hasSize((int) series);
        }
    }
}
