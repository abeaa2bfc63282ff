package org.importdesk.send;

import org.importdesk.engine.dicom.DicomNetworkException;
import org.importdesk.engine.dicom.DicomNode;
import org.importdesk.engine.dicom.DicomQueryClient;
import org.importdesk.engine.dicom.DicomTls;
import org.importdesk.engine.dicom.LocalArchiveScp;
import org.importdesk.engine.send.CoercionPlan;
import org.importdesk.engine.send.SendItem;
import org.importdesk.engine.send.SendOptions;
import org.importdesk.engine.send.SendQueue;
import org.importdesk.engine.send.SendReport;
import org.importdesk.engine.send.StudySender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * DICOM over TLS against our own archive SCP, with a self-signed certificate made by keytool in the test: echo and a
 * send succeed when we trust it; a client that does not trust it, or speaks plain DICOM, gets no association.
 */
class TlsAssociationTest {
    private static final char[] PASSWORD = TestCertificates.PASSWORD.toCharArray();

    @AfterEach
    void defaultContext() {
        DicomTls.useClientContext(null);
    }

    @Test
    void echoAndSendRunInsideTlsAndAnUntrustedOrPlainClientIsRefused(@TempDir Path tmp) throws Exception {
        TestCertificates.keyPair(tmp, "scp", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost", null, 2);
        TestCertificates.trustStore(tmp, "trust.p12", "scp");
        Path keyStore = tmp.resolve("scp.p12");
        Path trustStore = tmp.resolve("trust.p12");

        SSLContext server = DicomTls.context(keyStore, PASSWORD, null, null);
        try (LocalArchiveScp scp = LocalArchiveScp.start(tmp.resolve("archive"), "TLSARCHIVE", 0, server)) {
            DicomNode node = scp.node();
            assertThat(node.tls()).isTrue();
            assertThat(DicomNode.parse(node.toString())).isEqualTo(node);

            // the JVM's default trust store does not know our self-signed certificate
            assertThatThrownBy(() -> new DicomQueryClient("IMPORTDESK").echo(node))
                    .isInstanceOf(DicomNetworkException.class).hasMessageContaining("TLS")
                    .matches(e -> !((DicomNetworkException) e).isTransient(), "not retried");
            // plain DICOM to a TLS port: no association
            assertThatThrownBy(() -> new DicomQueryClient("IMPORTDESK", 2000, 3000).echo(node.withTls(false)))
                    .isInstanceOf(DicomNetworkException.class);

            DicomTls.useClientContext(DicomTls.context(null, null, trustStore, PASSWORD));
            assertThat(new DicomQueryClient("IMPORTDESK").echo(node).status().success()).isTrue();
            Cli.Result echo = Cli.run("echo", node.toString());
            assertThat(echo.exitCode()).as(echo.out()).isZero();
            assertThat(echo.out()).startsWith("tls:TLSARCHIVE@127.0.0.1:").contains("\tok\t");
            // the certificate names 127.0.0.1 and localhost, not another host: "127.0.0.2" also reaches loopback
            assertThatThrownBy(() -> new DicomQueryClient("IMPORTDESK").echo(new DicomNode("TLSARCHIVE", "127.0.0.2",
                    node.port(), true))).isInstanceOf(DicomNetworkException.class);

            Path ge = Corpus.corpus("dcm_qa_ge");
            assumeTrue(Files.isDirectory(ge), "../shared/corpus absent: " + ge);
            List<SendItem> items = ResilienceTest.items(ge, 3);
            try (SendQueue queue = SendQueue.open(tmp.resolve("data"))) {
                CoercionPlan plan = new CoercionPlan("LOC-TLS", "HOSP", null, null, null, null, "MR-HEAD", "MR Kopf",
                        "99IMPORTDESK", true, true, "dicom", "", "ImportDesk");
                SendReport report = new StudySender(queue, SendOptions.defaults("IMPORTDESK"), null)
                        .send(node, Corpus.GE_STUDY, items, plan);
                assertThat(report.complete()).as("%s %s", report.rows(), report.warnings()).isTrue();
                assertThat(scp.instanceCount()).isEqualTo(3);
            }
        }
    }
}
