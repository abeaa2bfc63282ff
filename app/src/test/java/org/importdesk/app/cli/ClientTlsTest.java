package org.importdesk.app.cli;

import org.importdesk.engine.config.TlsSettings;
import org.importdesk.engine.dicom.DicomTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The workstation re-applies the TLS settings before each TLS association: a removed configuration must not linger. */
class ClientTlsTest {

    @AfterEach
    void jvmDefaults() {
        DicomTls.useClientContext(null);
    }

    @Test
    void removingTheTlsSettingsDropsTheClientCertificateAndTrustStoreInstalledFromThem(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("ws.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "ws", "-keyalg", "EC", "-dname", "CN=importdesk-clienttls", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "pw-123", "-keypass", "pw-123")
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(out).isZero();

        ClientTls.apply(new TlsSettings(Optional.of(store), "pw-123", Optional.of(store), "pw-123"));
        assertThat(DicomTls.clientCertificate()).contains("importdesk-clienttls");
        assertThat(DicomTls.clientContext()).isNotSameAs(SSLContext.getDefault());

        // the user cleared both stores on the Settings screen: the next TLS association uses the JVM's defaults again
        ClientTls.apply(TlsSettings.none());
        assertThat(DicomTls.clientCertificate()).isNull();
        assertThat(DicomTls.clientContext()).isSameAs(SSLContext.getDefault());
    }

    @Test
    void aContextInstalledDirectlyIsLeftAloneWhenNothingIsConfigured() throws Exception {
        SSLContext own = SSLContext.getInstance("TLS");
        own.init(null, null, null);
        DicomTls.useClientContext(own);
        ClientTls.apply(TlsSettings.none());
        assertThat(DicomTls.clientContext()).isSameAs(own);
    }
}
