package org.importdesk.send;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import org.importdesk.engine.dicom.DicomFiles;
import org.importdesk.engine.dicom.DicomHeader;
import org.importdesk.engine.dicom.DimseAssociation;
import org.importdesk.engine.dicom.PresentationContext;
import org.importdesk.engine.dicom.TransferSyntaxes;
import org.importdesk.engine.send.CoercionPlan;
import org.importdesk.engine.send.ItemState;
import org.importdesk.engine.send.SendItem;
import org.importdesk.engine.send.SendOptions;
import org.importdesk.engine.send.SendQueue;
import org.importdesk.engine.send.SendReport;
import org.importdesk.engine.send.StudySender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PACS that accepts only uncompressed transfer syntaxes: a JPEG lossless (process 14 SV1) instance is decompressed
 * before sending, and the pixel data Orthanc stores equals the uncompressed version of the same image.
 */
class TranscodeForUncompressedPacsTest {
    static final String ONLY_UNCOMPRESSED = """
            "AcceptedTransferSyntaxes": ["1.2.840.10008.1.2", "1.2.840.10008.1.2.1"],
            "DeflatedTransferSyntaxAccepted": false,
            "JpegTransferSyntaxAccepted": false,
            "Jpeg2000TransferSyntaxAccepted": false,
            "JpegLosslessTransferSyntaxAccepted": false,
            "JpipTransferSyntaxAccepted": false,
            "Mpeg2TransferSyntaxAccepted": false,
            "Mpeg4TransferSyntaxAccepted": false,
            "RleTransferSyntaxAccepted": false,
            """;

    @Test
    void aCompressedInstanceIsDecompressedForAPacsThatAcceptsOnlyUncompressedData(@TempDir Path tmp) throws Exception {
        Path dir = Corpus.corpus("cornerstoneWADOImageLoader");
        Path jpeg = dir.resolve("CTImage.dcm_JPEGProcess14SV1TransferSyntax_1.2.840.10008.1.2.4.70.dcm");
        Path reference = dir.resolve("CTImage.dcm_LittleEndianExplicitTransferSyntax_1.2.840.10008.1.2.1.dcm");
        assumeTrue(Files.isRegularFile(jpeg) && Files.isRegularFile(reference), "../shared/corpus absent: " + jpeg);
        assumeTrue(OrthancFixture.available(), OrthancFixture.absentMessage());
        DicomHeader h = DicomFiles.pixelMed().readHeader(jpeg);
        assertThat(h.transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.4.70");
        List<SendItem> items = List.of(new SendItem(h.sopInstanceUid(), h.sopClassUid(), h.seriesInstanceUid(),
                h.transferSyntaxUid(), jpeg));
        try (OrthancFixture orthanc = OrthancFixture.startWith(tmp.resolve("orthanc"), false, null, 0, ONLY_UNCOMPRESSED);
             SendQueue queue = SendQueue.open(tmp.resolve("data"))) {
            // the configuration took effect: Orthanc refuses the instance's own syntax
            try (DimseAssociation a = DimseAssociation.open(orthanc.node(), "IMPORTDESK", List.of(
                    new PresentationContext(1, h.sopClassUid(), List.of(h.transferSyntaxUid())),
                    new PresentationContext(3, h.sopClassUid(), List.of(TransferSyntaxes.EXPLICIT_LE))), 5000, 30000)) {
                assertThat(a.acceptedTransferSyntaxes(h.sopClassUid())).containsExactly(TransferSyntaxes.EXPLICIT_LE);
            }
            CoercionPlan plan = new CoercionPlan("LOC-T", "HOSP", null, null, null, null, "CT-HEAD", "CT Kopf",
                    "99IMPORTDESK", true, true, "dicom", "", "ImportDesk");
            SendReport report = new StudySender(queue, SendOptions.defaults("IMPORTDESK"), null)
                    .send(orthanc.node(), h.studyInstanceUid(), items, plan);
            assertThat(report.complete()).as("%s %s", report.rows(), report.warnings()).isTrue();
            assertThat(report.rows()).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(ItemState.SENT));

            String id = GeStudyImportTest.lookup(orthanc, h.sopInstanceUid());
            String tags = orthanc.get("/instances/" + id + "/tags?simplify");
            assertThat(GeStudyImportTest.value(tags, "PatientID")).isEqualTo("LOC-T");
            String meta = orthanc.get("/instances/" + id + "/metadata/TransferSyntax");
            assertThat(meta).isIn(TransferSyntaxes.EXPLICIT_LE, TransferSyntaxes.IMPLICIT_LE);
            // native pixel data: Orthanc lists it as one item "0" whose content is the element's raw value
            assertThat(orthanc.get("/instances/" + id + "/content/7fe0-0010")).contains("\"0\"");
            byte[] stored = orthanc.getBytes("/instances/" + id + "/content/7fe0-0010/0");
            byte[] expected = uncompressedPixels(reference);
            assertThat(expected.length).isGreaterThan(100_000);
            assertThat(stored.length).isEqualTo(expected.length);
            assertThat(java.util.Arrays.mismatch(stored, expected)).as("first differing byte").isEqualTo(-1);
        }
    }

    /** The pixel data of an uncompressed file as little-endian bytes. */
    private static byte[] uncompressedPixels(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toString());
        Attribute px = list.get(TagFromName.PixelData);
        short[] words = px.getShortValues();
        ByteBuffer b = ByteBuffer.allocate(words.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(words);
        return b.array();
    }
}
