package org.importdesk.send;

import org.importdesk.engine.demo.DemoMedium;
import org.importdesk.engine.dicom.DicomNetworkException;
import org.importdesk.engine.dicom.DicomNode;
import org.importdesk.engine.dicom.DicomQueryClient;
import org.importdesk.engine.dicom.DicomTls;
import org.importdesk.engine.dicom.LocalArchiveScp;
import org.importdesk.engine.dicom.TlsConfigurationException;
import org.importdesk.engine.media.MediumReader;
import org.importdesk.engine.media.MediumScan;
import org.importdesk.engine.media.StudyRecord;
import org.importdesk.engine.send.CoercionPlan;
import org.importdesk.engine.send.SendItem;
import org.importdesk.engine.send.SendItems;
import org.importdesk.engine.send.SendOptions;
import org.importdesk.engine.send.SendQueue;
import org.importdesk.engine.send.SendReport;
import org.importdesk.engine.send.StudySender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mutual TLS against our own archive SCP requiring client certificates. Every key pair and certificate is made here
 * by the JDK's keytool (nothing private is committed): the workstation's ("desk1", trusted by the SCP), a stranger's
 * ("rogue", self-signed, unknown to the SCP) and an expired one. The right certificate echoes and stores; no
 * certificate or an untrusted one is refused with a message saying so; bad stores fail before any connection with
 * the file and the problem named.
 */
class MutualTlsTest {
    private static final String PW = TestCertificates.PASSWORD;
    private static Path pki;

    @BeforeAll
    static void certificates(@TempDir Path dir) throws Exception {
        pki = dir;
        keyPair("scp", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost", null, 2);
        keyPair("desk1", "CN=desk1,O=ImportDesk test", null, null, 2);
        keyPair("rogue", "CN=rogue", null, null, 2);
        keyPair("expired", "CN=desk-expired", null, "-10d", 1);
        trustStore("scp-trust.p12", "desk1", "expired");
        trustStore("desk-trust.p12", "scp");
    }

    @AfterEach
    void defaultContext() {
        DicomTls.useClientContext(null);
        System.clearProperty("importdesk.site.config");
        System.clearProperty("importdesk.home");
    }

    private static Path store(String name) {
        return pki.resolve(name);
    }

    private static void keyPair(String alias, String dname, String san, String startDate, int validityDays)
            throws Exception {
        TestCertificates.keyPair(pki, alias, dname, san, startDate, validityDays);
    }

    private static void trustStore(String name, String... aliases) throws Exception {
        TestCertificates.trustStore(pki, name, aliases);
    }

    private static LocalArchiveScp scpRequiringClientCertificates(Path archive) throws Exception {
        SSLContext server = DicomTls.context(store("scp.p12"), PW.toCharArray(), store("scp-trust.p12"),
                PW.toCharArray());
        return LocalArchiveScp.start(archive, "MTLSARCHIVE", 0, server, true);
    }

    private static void client(String keyStore) throws Exception {
        DicomTls.configureClient(keyStore == null ? null : store(keyStore), PW.toCharArray(), store("desk-trust.p12"),
                PW.toCharArray());
    }

    @Test
    void theTrustedCertificateEchoesAndStoresWhileNoneOrAnUntrustedOneIsRefused(@TempDir Path tmp) throws Exception {
        try (LocalArchiveScp scp = scpRequiringClientCertificates(tmp.resolve("archive"))) {
            DicomNode node = scp.node();

            client("desk1.p12");
            assertThat(DicomTls.clientCertificate()).contains("CN=desk1");
            assertThat(new DicomQueryClient("IMPORTDESK").echo(node).status().success()).isTrue();
            Demo demo = demoItems(tmp.resolve("cd"));
            List<SendItem> items = demo.items();
            try (SendQueue queue = SendQueue.open(tmp.resolve("data"))) {
                CoercionPlan plan = new CoercionPlan("LOC-MTLS", "HOSP", null, null, null, null, "CT-HEAD", "CT Kopf",
                        "99IMPORTDESK", true, true, "dicom", "", "ImportDesk");
                SendReport report = new StudySender(queue, SendOptions.defaults("IMPORTDESK"), null)
                        .send(node, demo.studyUid(), items, plan);
                assertThat(report.complete()).as("%s %s", report.rows(), report.warnings()).isTrue();
            }
            assertThat(scp.instanceCount()).isEqualTo(items.size());
            assertThat(scp.refusedHandshakes()).isEmpty();

            // no client certificate: the SCP refuses the handshake, and the message says a certificate is required
            client(null);
            assertThat(DicomTls.clientCertificate()).isNull();
            assertThatThrownBy(() -> new DicomQueryClient("IMPORTDESK", 3000, 5000).echo(node))
                    .isInstanceOf(DicomNetworkException.class)
                    .hasMessageContaining("TLS handshake refused by")
                    .hasMessageContaining("requires a client certificate and we have none configured (tls.keyStore)")
                    .matches(e -> !((DicomNetworkException) e).isTransient(), "not retried");
            assertThat(refusals(scp, 1)).last().asString()
                    .isEqualTo("the client sent no certificate (client authentication is required)");

            // a certificate the SCP does not trust: the JDK does not even send it, since the SCP names the issuers it
            // accepts; the SCP sees no certificate, we say ours is not trusted
            client("rogue.p12");
            assertThatThrownBy(() -> new DicomQueryClient("IMPORTDESK", 3000, 5000).echo(node))
                    .isInstanceOf(DicomNetworkException.class)
                    .hasMessageContaining("TLS handshake refused by")
                    .hasMessageContaining("it does not trust our client certificate (ours is CN=rogue;")
                    .matches(e -> !((DicomNetworkException) e).isTransient(), "not retried");
            assertThat(refusals(scp, 2)).hasSize(2);
            assertThat(scp.instanceCount()).as("nothing stored by refused clients").isEqualTo(items.size());
        }
    }

    @Test
    void theCommandLineUsesTheConfiguredKeyAndTrustStores(@TempDir Path tmp) throws Exception {
        try (LocalArchiveScp scp = scpRequiringClientCertificates(tmp.resolve("archive"))) {
            Path site = tmp.resolve("site.properties");
            System.setProperty("importdesk.home", tmp.resolve("home").toString());
            System.setProperty("importdesk.site.config", site.toString());
            String trust = "tls.trustStore=" + store("desk-trust.p12") + "\ntls.trustStorePassword=" + PW + "\n";

            Files.writeString(site, trust + "tls.keyStore=" + store("desk1.p12") + "\ntls.keyStorePassword=" + PW + "\n");
            Cli.Result ok = Cli.run("echo", scp.node().toString());
            assertThat(ok.exitCode()).as(ok.out()).isZero();
            assertThat(ok.out()).contains("\tok\t");

            Files.writeString(site, trust);
            Cli.Result without = Cli.run("echo", scp.node().toString());
            assertThat(without.exitCode()).isEqualTo(1);
            assertThat(without.out()).contains("requires a client certificate");

            Files.writeString(site, trust + "tls.keyStore=" + store("desk1.p12") + "\ntls.keyStorePassword=wrong\n");
            Cli.Result wrong = Cli.run("echo", scp.node().toString());
            assertThat(wrong.exitCode()).isEqualTo(1);
            assertThat(wrong.out()).contains("wrong password for key store " + store("desk1.p12"));

            Files.writeString(site, trust + "tls.keyStore=" + store("desk1.p12") + "\n");
            Cli.Result noPassword = Cli.run("echo", scp.node().toString());
            assertThat(noPassword.exitCode()).isEqualTo(1);
            assertThat(noPassword.out()).contains("tls.keyStore").contains("tls.keyStorePassword is missing");
        }
    }

    @Test
    void unusableStoresAreReportedWithTheFileAndTheProblem() throws Exception {
        Path missing = store("nowhere.p12");
        assertThatThrownBy(() -> DicomTls.configureClient(missing, PW.toCharArray(), null, null))
                .isInstanceOf(TlsConfigurationException.class).hasMessage("key store not found: " + missing)
                .matches(e -> ((TlsConfigurationException) e).file().equals(missing));
        assertThatThrownBy(() -> DicomTls.configureClient(store("desk1.p12"), "wrong".toCharArray(), null, null))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessage("wrong password for key store " + store("desk1.p12"));
        assertThatThrownBy(() -> DicomTls.configureClient(null, null, store("desk-trust.p12"), "nope".toCharArray()))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessage("wrong password for trust store " + store("desk-trust.p12"));
        assertThatThrownBy(() -> DicomTls.configureClient(store("expired.p12"), PW.toCharArray(), null, null))
                .isInstanceOf(TlsConfigurationException.class)
                .hasMessageStartingWith("the certificate in key store " + store("expired.p12") + " (CN=desk-expired)"
                        + " expired on ").hasMessageEndingWith(": renew it");
        // a trust store is not a key store: it has no private key to present
        assertThatThrownBy(() -> DicomTls.configureClient(store("desk-trust.p12"), PW.toCharArray(), null, null))
                .isInstanceOf(TlsConfigurationException.class).hasMessageContaining("holds no private key");
        Path notAStore = store("notes.p12");
        Files.writeString(notAStore, "not a key store");
        assertThatThrownBy(() -> DicomTls.configureClient(notAStore, PW.toCharArray(), null, null))
                .isInstanceOf(TlsConfigurationException.class).hasMessageContaining(notAStore.toString());
        assertThat(DicomTls.clientCertificate()).as("a failed configuration changes nothing").isNull();
    }

    @Test
    void anExpiredClientCertificateIsRefusedAndTheScpSaysWhy(@TempDir Path tmp) throws Exception {
        // a foreign client that does present an expired certificate (ours refuses to load one, see above)
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
        kmf.init(KeyStore.getInstance(store("expired.p12").toFile(), PW.toCharArray()), PW.toCharArray());
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        tmf.init(KeyStore.getInstance(store("desk-trust.p12").toFile(), PW.toCharArray()));
        SSLContext foreign = SSLContext.getInstance("TLS");
        foreign.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        try (LocalArchiveScp scp = scpRequiringClientCertificates(tmp.resolve("archive"))) {
            DicomTls.useClientContext(foreign);
            // the JDK's SCP answers certificate_unknown (or the alert is lost when our own write failed first): the
            // client knows it was refused, the SCP's log says why
            assertThatThrownBy(() -> new DicomQueryClient("IMPORTDESK", 3000, 5000).echo(scp.node()))
                    .isInstanceOf(DicomNetworkException.class)
                    .hasMessageMatching("TLS handshake (refused by .*(our client certificate has expired|does not accept"
                            + " our client certificate.*)|with .* broken off by the peer .*refused our client certificate.*)");
            assertThat(refusals(scp, 1)).containsExactly("the client's certificate has expired");
        }
    }

    @Test
    void anUntrustedServerIsReportedAsSuch(@TempDir Path tmp) throws Exception {
        // the SCP presents the rogue certificate, which the workstation's trust store does not hold
        SSLContext rogueServer = DicomTls.context(store("rogue.p12"), PW.toCharArray(), store("scp-trust.p12"),
                PW.toCharArray());
        try (LocalArchiveScp scp = LocalArchiveScp.start(tmp.resolve("archive"), "ROGUE", 0, rogueServer, true)) {
            client("desk1.p12");
            assertThatThrownBy(() -> new DicomQueryClient("IMPORTDESK", 3000, 5000).echo(scp.node()))
                    .isInstanceOf(DicomNetworkException.class)
                    .hasMessageContaining("its certificate is not trusted");
        }
    }

    /** The SCP's refusals once it has logged {@code n} (its thread may finish after our client saw the alert). */
    private static List<String> refusals(LocalArchiveScp scp, int n) throws InterruptedException {
        for (int i = 0; i < 50 && scp.refusedHandshakes().size() < n; i++) {
            Thread.sleep(100);
        }
        return scp.refusedHandshakes();
    }

    private record Demo(String studyUid, List<SendItem> items) {
    }

    /** The smallest study of the demo medium (written with PixelMed), at most 3 instances of it. */
    private static Demo demoItems(Path cd) throws Exception {
        DemoMedium.write(cd);
        try (MediumScan scan = new MediumReader().read(cd)) {
            StudyRecord study = scan.studies().stream()
                    .min(Comparator.comparingInt(s -> SendItems.of(s).size())).orElseThrow();
            List<SendItem> all = SendItems.of(study);
            return new Demo(study.studyInstanceUid(), List.copyOf(all.subList(0, Math.min(3, all.size()))));
        }
    }
}
