package org.importdesk.engine.send;

import org.importdesk.engine.dicom.DicomFiles;
import org.importdesk.engine.dicom.DicomHeader;
import org.importdesk.engine.dicom.DicomQueryClient;
import org.importdesk.engine.dicom.DicomTag;
import org.importdesk.engine.dicom.LocalArchiveScp;
import org.importdesk.engine.dicom.SyntheticInstances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole send flow (queue, C-FIND check, C-STORE, C-FIND verification) against the embedded archive. */
class LocalArchiveSendTest {

    @Test
    void aStudySentToTheEmbeddedArchiveIsFiledCoercedAndConfirmed(@TempDir Path tmp) throws Exception {
        List<SendItem> items = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String series = "1.2.3.2." + (i % 2);
            Path f = SyntheticInstances.write(tmp.resolve("medium"), "1.2.3.1." + i, series, "1.2.3.3", "1.2.3.1.1");
            items.add(new SendItem("1.2.3.1." + i, SyntheticInstances.MR, series, "1.2.840.10008.1.2.1", f));
        }
        CoercionPlan plan = new CoercionPlan("LOC-1", "HOSP", "Local^Name", null, null, "ACC-1", "MR-HEAD", "MR Kopf",
                "99IMPORTDESK", true, true, "EXT-1", "", "ImportDesk");
        try (LocalArchiveScp archive = LocalArchiveScp.start(tmp.resolve("archive"), "LOCALARCHIVE", 0);
             SendQueue queue = SendQueue.open(tmp.resolve("data"))) {
            assertThat(new DicomQueryClient("IMPORTDESK").echo(archive.node()).status().success()).isTrue();
            SendReport report = new StudySender(queue, SendOptions.defaults("IMPORTDESK"), null)
                    .send(archive.node(), "1.2.3.3", items, plan);
            assertThat(report.complete()).as(report.warnings().toString()).isTrue();
            assertThat(report.perSeries()).hasSize(2).allSatisfy((s, c) -> assertThat(c).containsExactly(3, 3));
            assertThat(archive.instanceCount()).isEqualTo(6);
            DicomHeader filed = DicomFiles.pixelMed().readHeader(archive.file("1.2.3.1.4"));
            assertThat(filed.patientId()).isEqualTo("LOC-1");
            assertThat(filed.attributes().string(DicomTag.ACCESSION_NUMBER)).isEqualTo("ACC-1");
            assertThat(filed.hasPreamble()).isTrue();

            // a second import of the same study finds everything present and sends nothing
            SendReport again = new StudySender(queue, SendOptions.defaults("IMPORTDESK"), null)
                    .send(archive.node(), "1.2.3.3", items, plan);
            assertThat(again.complete()).isTrue();
            assertThat(again.rows()).allSatisfy(r -> assertThat(r.acks()).isEqualTo(1));
        }
        // the archive keeps its index across restarts
        try (LocalArchiveScp archive = LocalArchiveScp.start(tmp.resolve("archive"), "LOCALARCHIVE", 0)) {
            assertThat(archive.instanceCount()).isEqualTo(6);
        }
    }
}
