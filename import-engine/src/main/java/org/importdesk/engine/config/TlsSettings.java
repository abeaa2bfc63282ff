package org.importdesk.engine.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Our side of DICOM TLS ({@code pacs.<name>.tls}, {@code worklist.<name>.tls}): the PKCS#12 key store with our
 * certificate and private key, presented when a peer asks for client authentication (mutual TLS), and the trust
 * store with the certificates (or CAs) of the peers we accept. Both optional: without a key store we present no
 * certificate; without a trust store the JVM's default trust store applies.
 *
 * <p>Keys: {@value SettingKeys#TLS_KEY_STORE}, {@value SettingKeys#TLS_KEY_STORE_PASSWORD},
 * {@value SettingKeys#TLS_TRUST_STORE}, {@value SettingKeys#TLS_TRUST_STORE_PASSWORD}. {@link #toString()} never shows
 * the passwords.
 */
public record TlsSettings(Optional<Path> keyStore, String keyStorePassword, Optional<Path> trustStore,
                          String trustStorePassword) {

    public TlsSettings {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(trustStore, "trustStore");
        keyStorePassword = keyStorePassword == null ? "" : keyStorePassword;
        trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
    }

    public static TlsSettings none() {
        return new TlsSettings(Optional.empty(), "", Optional.empty(), "");
    }

    /** Whether anything differs from the JVM's defaults. */
    public boolean configured() {
        return keyStore.isPresent() || trustStore.isPresent();
    }

    @Override
    public String toString() {
        return "TlsSettings[keyStore=" + keyStore.map(Path::toString).orElse("none") + ", trustStore="
                + trustStore.map(Path::toString).orElse("JVM default") + "]";
    }
}
