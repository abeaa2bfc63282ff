package org.importdesk.engine.dicom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A TLS peer that completes the handshake and then does not answer the A-ASSOCIATE-RQ: a read timeout, not a refused
 * client certificate. The message must say what happened, and the failure stays retryable.
 */
class TlsSilentPeerTest {

    @AfterEach
    void jvmDefaults() {
        DicomTls.useClientContext(null);
    }

    @Test
    void aPeerThatStaysSilentAfterTheHandshakeTimesOutAndIsNotBlamedOnOurCertificate(@TempDir Path tmp)
            throws Exception {
        Path store = tmp.resolve("peer.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "peer", "-keyalg", "EC", "-dname", "CN=silent-peer", "-validity", "2",
                "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "pw-123", "-keypass", "pw-123").redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(out).isZero();
        char[] pw = "pw-123".toCharArray();
        SSLContext server = DicomTls.context(store, pw, null, null);
        CountDownLatch done = new CountDownLatch(1);
        try (SSLServerSocket listening = (SSLServerSocket) server.getServerSocketFactory().createServerSocket()) {
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread peer = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) listening.accept()) {
                    s.startHandshake();
                    done.await(20, TimeUnit.SECONDS); // reads nothing, answers nothing
                } catch (Exception ignored) {
                    // the test's assertion says what went wrong
                }
            });
            peer.setDaemon(true);
            peer.start();
            DicomNode node = new DicomNode("SILENT", "127.0.0.1", listening.getLocalPort(), true);
            SSLContext client = DicomTls.context(null, null, store, pw);
            try {
                assertThatThrownBy(() -> DimseAssociation.open(node, "IMPORTDESK", List.of(new PresentationContext(1,
                        DimseAssociation.VERIFICATION, List.of(TransferSyntaxes.IMPLICIT_LE))), 3000, 1500, client))
                        .isInstanceOf(DicomNetworkException.class)
                        .hasMessageContaining("timed out")
                        .hasMessageNotContaining("client certificate")
                        .matches(e -> ((DicomNetworkException) e).isTransient(), "retryable");
            } finally {
                done.countDown();
            }
        }
    }
}
