package org.importdesk.send;

import org.importdesk.engine.demo.DemoMedium;
import org.importdesk.engine.dicom.DicomNode;
import org.importdesk.engine.dicom.DicomTls;
import org.importdesk.engine.dicom.LocalArchiveScp;
import org.importdesk.engine.media.MediumReader;
import org.importdesk.engine.media.MediumScan;
import org.importdesk.engine.media.StudyRecord;
import org.importdesk.engine.send.SendItems;
import org.importdesk.engine.send.SendQueue;
import org.importdesk.engine.send.StudySender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Storage commitment with a TLS-only PACS: our embedded archive plays the PACS, accepting C-STORE and N-ACTION only
 * inside mutual TLS and reporting back over TLS on a new association to the workstation's commitment listener, which
 * then speaks TLS with the configured key and trust stores and requires the PACS's certificate. Certificates are made
 * here with keytool. A PACS whose report association presents a certificate the workstation does not trust is
 * refused, and the import's commitment outcome says so instead of a bare "not answered".
 */
class TlsStorageCommitmentTest {
    private static final String PW = TestCertificates.PASSWORD;
    private static Path pki;

    @BeforeAll
    static void certificates(@TempDir Path dir) throws Exception {
        pki = dir;
        // both ends are servers here (the PACS for the send, the workstation for the report): both name 127.0.0.1
        keyPair("pacs", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");
        keyPair("desk1", "CN=desk1,O=ImportDesk test", "SAN=ip:127.0.0.1,dns:localhost");
        keyPair("rogue", "CN=rogue", "SAN=ip:127.0.0.1,dns:localhost");
        trustStore("pacs-trust.p12", "desk1");
        trustStore("desk-trust.p12", "pacs");
    }

    @AfterEach
    void defaults() {
        DicomTls.useClientContext(null);
        System.clearProperty("importdesk.site.config");
        System.clearProperty("importdesk.home");
    }

    @Test
    void aTlsPacsReportsCommitmentOverTlsAndAnUntrustedReporterIsNamedInTheOutcome(@TempDir Path tmp)
            throws Exception {
        Path cd = tmp.resolve("cd");
        DemoMedium.write(cd);
        String studyUid;
        int instances;
        try (MediumScan scan = new MediumReader().read(cd)) {
            StudyRecord study = scan.studies().stream()
                    .min(Comparator.comparingInt(s -> SendItems.of(s).size())).orElseThrow();
            studyUid = study.studyInstanceUid();
            instances = SendItems.of(study).size();
        }
        System.setProperty("importdesk.home", tmp.resolve("home").toString());
        Path site = tmp.resolve("site.properties");
        System.setProperty("importdesk.site.config", site.toString());
        Files.writeString(site, "tls.keyStore=" + store("desk1.p12") + "\ntls.keyStorePassword=" + PW
                + "\ntls.trustStore=" + store("desk-trust.p12") + "\ntls.trustStorePassword=" + PW + "\n");
        int commitmentPort = OrthancFixture.freePort();
        DicomNode listener = new DicomNode("IMPORTDESK", "127.0.0.1", commitmentPort, true);
        SSLContext pacsTls = DicomTls.context(store("pacs.p12"), PW.toCharArray(), store("pacs-trust.p12"),
                PW.toCharArray());
        Path data = tmp.resolve("data");

        try (LocalArchiveScp pacs = LocalArchiveScp.start(tmp.resolve("pacs"), "TLSPACS", 0, pacsTls, true)) {
            String to = "tls:" + pacs.node().aeTitle() + "@127.0.0.1:" + pacs.node().port();
            pacs.reportCommitmentsTo("IMPORTDESK", listener, pacsTls);

            Cli.Result ok = importTo(cd, studyUid, to, data, commitmentPort, 20);
            assertThat(ok.exitCode()).as(ok.out()).isZero();
            assertThat(pacs.instanceCount()).isEqualTo(instances);
            assertThat(ok.tsvRows()).hasSize(instances)
                    .allSatisfy(r -> assertThat(r[r.length - 1]).isEqualTo("committed"));
            assertThat(pacs.failedReports()).isEmpty();
            AuditXml audit = AuditXml.read(AuditXml.newest(data.resolve("audit")));
            assertThat(audit.outcome()).isZero();
            assertThat(audit.studyDetail("StorageCommitment")).containsExactly("committed");
            assertThat(audit.studyDetail("InstancesCommitmentRequested")).containsExactly(Integer.toString(instances));
            assertThat(audit.studyDetail("InstancesCommitted")).containsExactly(Integer.toString(instances));
            assertThat(audit.studyDetail("InstancesCommitmentFailed")).containsExactly("0");

            // the PACS now reports with a certificate our trust store does not hold (presented whatever issuers we
            // name, as a foreign PACS would): our listener refuses the handshake and the outcome says why
            pacs.reportCommitmentsTo("IMPORTDESK", listener, presenting("rogue", store("pacs-trust.p12")));
            Cli.Result refused = importTo(cd, studyUid, to, data, commitmentPort, 4);
            assertThat(refused.exitCode()).as(refused.out()).isEqualTo(1);
            assertThat(refused.tsvRows()).hasSize(instances)
                    .allSatisfy(r -> assertThat(r[r.length - 1]).isEqualTo("unanswered"));
            AuditXml refusedAudit = AuditXml.read(AuditXml.newest(data.resolve("audit")));
            assertThat(refusedAudit.outcome()).isEqualTo(4);
            assertThat(refusedAudit.studyDetail("StorageCommitment")).containsExactly("unanswered");
            assertThat(refusedAudit.studyDetail("InstancesCommitted")).containsExactly("0");
            assertThat(refusedAudit.studyDetail("CommitmentNote")).singleElement().asString()
                    .startsWith("the PACS's report association was refused by TLS: ")
                    .contains("the client's certificate is not trusted");
            String job = StudySender.jobId(DicomNode.parse(to), studyUid, "LOC-TLS", false);
            try (SendQueue queue = SendQueue.open(data)) {
                assertThat(queue.jobCommitment(job).state()).isEqualTo("unanswered");
                assertThat(queue.jobCommitment(job).detail())
                        .startsWith("storage commitment not answered in time (" + instances + " requested): ")
                        .contains("refused by TLS").contains("not trusted");
            }
            assertThat(pacs.failedReports()).as("the PACS knows its report did not get through").isNotEmpty();
        }
    }

    @Test
    void aPlainPacsStillReportsToAPlainListener(@TempDir Path tmp) throws Exception {
        Path cd = tmp.resolve("cd");
        DemoMedium.write(cd);
        String studyUid;
        try (MediumScan scan = new MediumReader().read(cd)) {
            studyUid = scan.studies().stream().min(Comparator.comparingInt(s -> SendItems.of(s).size()))
                    .orElseThrow().studyInstanceUid();
        }
        System.setProperty("importdesk.home", tmp.resolve("home").toString());
        System.setProperty("importdesk.site.config", tmp.resolve("site.properties").toString());
        int commitmentPort = OrthancFixture.freePort();
        try (LocalArchiveScp pacs = LocalArchiveScp.start(tmp.resolve("pacs"), "PLAINPACS", 0)) {
            pacs.reportCommitmentsTo("IMPORTDESK", new DicomNode("IMPORTDESK", "127.0.0.1", commitmentPort, false),
                    null);
            Cli.Result ok = importTo(cd, studyUid, pacs.node().toString(), tmp.resolve("data"), commitmentPort, 20);
            assertThat(ok.exitCode()).as(ok.out()).isZero();
            assertThat(ok.tsvRows()).allSatisfy(r -> assertThat(r[r.length - 1]).isEqualTo("committed"));
        }
    }

    private static Cli.Result importTo(Path cd, String studyUid, String to, Path data, int commitmentPort, int wait) {
        return Cli.run("import", cd.toString(), "--study", studyUid, "--class", "CT-HEAD", "--patient-id", "LOC-TLS",
                "--issuer", "HOSP", "--to", to, "--format", "tsv", "--data-dir", data.toString(),
                "--storage-commitment", Integer.toString(commitmentPort), "--commitment-wait", Integer.toString(wait));
    }

    /** A client context that always presents {@code alias}'s certificate, even when the server names other issuers. */
    private static SSLContext presenting(String alias, Path trustStore) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(KeyStore.getInstance(store(alias + ".p12").toFile(), PW.toCharArray()), PW.toCharArray());
        X509ExtendedKeyManager keys = (X509ExtendedKeyManager) kmf.getKeyManagers()[0];
        String entry = keys.getClientAliases("EC", null)[0];
        X509ExtendedKeyManager always = new X509ExtendedKeyManager() {
            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[]{entry};
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                return entry;
            }

            @Override
            public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
                return entry;
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return keys.getServerAliases(keyType, issuers);
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return keys.chooseServerAlias(keyType, issuers, socket);
            }

            @Override
            public X509Certificate[] getCertificateChain(String a) {
                return keys.getCertificateChain(a);
            }

            @Override
            public PrivateKey getPrivateKey(String a) {
                return keys.getPrivateKey(a);
            }
        };
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(KeyStore.getInstance(trustStore.toFile(), PW.toCharArray()));
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(new KeyManager[]{always}, tmf.getTrustManagers(), null);
        return c;
    }

    private static Path store(String name) {
        return pki.resolve(name);
    }

    private static void keyPair(String alias, String dname, String san) throws Exception {
        TestCertificates.keyPair(pki, alias, dname, san, null, 2);
    }

    private static void trustStore(String name, String... aliases) throws Exception {
        TestCertificates.trustStore(pki, name, aliases);
    }
}
