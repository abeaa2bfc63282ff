package org.importdesk.app.cli;

import org.importdesk.engine.config.ConfigurationLoader;
import org.importdesk.engine.config.InvalidConfigurationException;
import org.importdesk.engine.config.TlsSettings;
import org.importdesk.engine.dicom.DicomTls;

import java.io.IOException;
import java.util.Optional;

/**
 * Installs the configured TLS key store (our client certificate) and trust store for outgoing associations to
 * {@code tls:} nodes. Without {@code tls.*} settings the JVM's defaults apply (its trust store, no client certificate),
 * also after stores configured earlier in this process were removed.
 */
public final class ClientTls {
    private ClientTls() {
    }

    /** From the effective configuration of the current user; the error message when it cannot be used. */
    public static Optional<String> fromConfiguration() {
        try {
            apply(ConfigurationLoader.loadForCurrentUser().settings().tls());
            return Optional.empty();
        } catch (InvalidConfigurationException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            return Optional.of("TLS configuration: " + e.getMessage());
        }
    }

    /** @throws IOException naming the store and its problem (missing, wrong password, expired certificate...) */
    public static void apply(TlsSettings tls) throws IOException {
        if (!tls.configured()) {
            // settings removed since the last apply: their stores must not stay in use until a restart
            DicomTls.clearConfiguredClient();
            return;
        }
        DicomTls.configureClient(tls.keyStore().orElse(null), tls.keyStorePassword().toCharArray(),
                tls.trustStore().orElse(null), tls.trustStorePassword().toCharArray());
    }
}
