package org.importdesk.send;

import org.importdesk.engine.dicom.DimseAssociation;
import org.importdesk.engine.dicom.DimseStatus;
import org.importdesk.engine.dicom.PresentationContext;
import org.importdesk.engine.dicom.TransferSyntaxes;
import org.importdesk.engine.send.CoercionPlan;
import org.importdesk.engine.send.SendItem;
import org.importdesk.engine.send.SendOptions;
import org.importdesk.engine.send.SendQueue;
import org.importdesk.engine.send.StudySender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The request half of storage commitment (N-ACTION) against Orthanc, which offers it. Orthanc answers the commitment
 * itself (N-EVENT-REPORT) on a separate association to a declared modality: receiving that is not wired yet.
 */
class StorageCommitmentRequestTest {

    @Test
    void orthancAcceptsOurStorageCommitmentRequest(@TempDir Path tmp) throws Exception {
        Path ge = Corpus.corpus("dcm_qa_ge");
        assumeTrue(Files.isDirectory(ge), "../shared/corpus absent: " + ge);
        assumeTrue(OrthancFixture.available(), OrthancFixture.absentMessage());
        List<SendItem> items = ResilienceTest.items(ge, 3);
        // Orthanc serves storage commitment only to modalities it knows (it reports back to them later)
        try (OrthancFixture orthanc = OrthancFixture.start(tmp.resolve("orthanc"), false, "IMPORTDESK",
                OrthancFixture.freePort());
             SendQueue queue = SendQueue.open(tmp.resolve("data"))) {
            CoercionPlan plan = new CoercionPlan("LOC-5", "HOSP", null, null, null, null, "MR-HEAD", "MR Kopf",
                    "99IMPORTDESK", true, true, "dicom", "", "ImportDesk");
            assertThat(new StudySender(queue, SendOptions.defaults("IMPORTDESK"), null)
                    .send(orthanc.node(), Corpus.GE_STUDY, items, plan).complete()).isTrue();
            List<PresentationContext> pcs = List.of(new PresentationContext(1, DimseAssociation.STORAGE_COMMITMENT_PUSH,
                    List.of(TransferSyntaxes.EXPLICIT_LE, TransferSyntaxes.IMPLICIT_LE)));
            try (DimseAssociation a = DimseAssociation.open(orthanc.node(), "IMPORTDESK", pcs, 5000, 30000)) {
                assertThat(a.acceptedTransferSyntaxes(DimseAssociation.STORAGE_COMMITMENT_PUSH)).isNotEmpty();
                DimseStatus s = a.requestStorageCommitment(CoercionPlan.derivedUid("commit", "1"), items.stream()
                        .map(i -> new String[]{i.sopClassUid(), i.sopInstanceUid()}).toList());
                assertThat(s.success()).as(s.toString()).isTrue();
            }
        }
    }
}
