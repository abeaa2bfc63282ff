package org.importdesk.engine.dicom;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * TLS for DICOM associations (PS3.15 Annex B, the upper layer protocol unchanged inside TLS), with the JDK's JSSE.
 * Associations to nodes marked TLS use {@link #clientContext()}: by default the JVM's (its default trust store, or
 * {@code javax.net.ssl.trustStore}); {@link #configureClient} replaces it with a site trust store and our own
 * certificate for peers that require client certificates (mutual TLS), {@link #useClientContext} with any context.
 * Our SCP side requires client certificates with {@code LocalArchiveScp.start(..., true)}. Failures say which file or
 * which side is at fault ({@link TlsConfigurationException}, {@link TlsFailures}); a peer certificate outside its
 * validity is refused even when it is trusted directly.
 * TLS 1.2 and 1.3 only. The peer's certificate must chain to a trusted one and name the host we connect to (HTTPS-style
 * endpoint identification: a DNS name or, for an IP address, an IP subject alternative name).
 */
public final class DicomTls {
    private static volatile SSLContext client;
    /** subject of the client certificate {@link #client} presents; null when none or not known */
    private static volatile String clientCertificate;
    /** whether {@link #client} came from {@link #configureClient} (and so goes when the configuration does) */
    private static volatile boolean fromConfiguration;

    private DicomTls() {
    }

    public static SSLContext clientContext() throws IOException {
        SSLContext c = client;
        if (c != null) {
            return c;
        }
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IOException("no TLS context: " + e.getMessage(), e);
        }
    }

    /** What {@link #clientCertificate()} says after {@link #useClientContext}: whether it has one is not known. */
    public static final String INSTALLED_CONTEXT = "(the installed TLS context's, if any)";

    /** Replaces the context used for outgoing TLS associations (null: the JVM default again). */
    public static synchronized void useClientContext(SSLContext context) {
        client = context;
        clientCertificate = context == null ? null : INSTALLED_CONTEXT;
        fromConfiguration = false;
    }

    /**
     * The TLS configuration was removed: outgoing associations use the JVM's defaults again instead of the stores
     * {@link #configureClient} installed earlier. A context installed with {@link #useClientContext} stays.
     */
    public static synchronized void clearConfiguredClient() {
        if (fromConfiguration) {
            client = null;
            clientCertificate = null;
            fromConfiguration = false;
        }
    }

    /**
     * Outgoing TLS associations present the certificate in {@code keyStore} when the peer asks for one (mutual TLS)
     * and trust the certificates in {@code trustStore}. Every store is checked first (file, password, a private key,
     * certificate validity): a {@link TlsConfigurationException} names the file and the problem.
     *
     * @param keyStore   PKCS#12 with our certificate and private key; null to present none
     * @param trustStore PKCS#12 with the certificates we trust; null for the JVM's default trust store
     */
    public static void configureClient(Path keyStore, char[] keyPassword, Path trustStore, char[] trustPassword)
            throws IOException {
        SSLContext c = context(keyStore, keyPassword, trustStore, trustPassword);
        String subject = keyStore == null ? null : certificateSubject(keyStore, keyPassword);
        synchronized (DicomTls.class) {
            client = c;
            clientCertificate = subject;
            fromConfiguration = true;
        }
    }

    /**
     * The subject of the client certificate outgoing associations present, null when none is configured, or
     * {@link #INSTALLED_CONTEXT} when a context was installed directly.
     */
    public static String clientCertificate() {
        return clientCertificate;
    }

    /**
     * A context from key and trust stores (PKCS12 or JKS, by content), each checked: a
     * {@link TlsConfigurationException} says which file is missing, unreadable, not a store, opened with the wrong
     * password, without a private key (key store) or certificate (trust store), or holds an expired certificate.
     *
     * @param keyStore   our certificate and private key (for a server, or client authentication); null for none
     * @param trustStore the certificates we trust; null for the JVM default
     */
    public static SSLContext context(Path keyStore, char[] keyPassword, Path trustStore, char[] trustPassword)
            throws IOException {
        KeyManagerFactory kmf = null;
        if (keyStore != null) {
            KeyStore keys = load(keyStore, keyPassword, "key store");
            checkKeyEntries(keyStore, keys);
            try {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, keyPassword);
            } catch (java.security.UnrecoverableKeyException e) {
                throw new TlsConfigurationException(keyStore, "the private key in key store " + keyStore
                        + " is protected by another password than the store (PKCS#12 needs one password for both)", e);
            } catch (GeneralSecurityException e) {
                throw new TlsConfigurationException(keyStore, "key store " + keyStore + " cannot be used: "
                        + e.getMessage(), e);
            }
        }
        TrustManagerFactory tmf = null;
        if (trustStore != null) {
            KeyStore trusted = load(trustStore, trustPassword, "trust store");
            try {
                if (java.util.Collections.list(trusted.aliases()).stream().noneMatch(a -> isCertificate(trusted, a))) {
                    throw new TlsConfigurationException(trustStore, "trust store " + trustStore
                            + " holds no certificate", null);
                }
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trusted);
            } catch (GeneralSecurityException e) {
                throw new TlsConfigurationException(trustStore, "trust store " + trustStore + " cannot be used: "
                        + e.getMessage(), e);
            }
        }
        try {
            if (tmf == null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init((KeyStore) null);
            }
            javax.net.ssl.TrustManager[] trust = tmf.getTrustManagers();
            for (int i = 0; i < trust.length; i++) {
                if (trust[i] instanceof javax.net.ssl.X509ExtendedTrustManager x) {
                    trust[i] = new ValidityCheckingTrustManager(x);
                }
            }
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf == null ? null : kmf.getKeyManagers(), trust, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS from " + keyStore + " / " + trustStore + ": " + e.getMessage(), e);
        }
    }

    private static boolean isCertificate(KeyStore store, String alias) {
        try {
            return store.getCertificate(alias) != null;
        } catch (java.security.KeyStoreException e) {
            return false;
        }
    }

    /** At least one private key, and every certificate that goes with a key within its validity now. */
    private static void checkKeyEntries(Path file, KeyStore keys) throws TlsConfigurationException {
        try {
            boolean anyKey = false;
            for (String alias : java.util.Collections.list(keys.aliases())) {
                if (!keys.isKeyEntry(alias)) {
                    continue;
                }
                anyKey = true;
                if (keys.getCertificate(alias) instanceof java.security.cert.X509Certificate x) {
                    try {
                        x.checkValidity();
                    } catch (java.security.cert.CertificateExpiredException e) {
                        throw new TlsConfigurationException(file, "the certificate in key store " + file + " ("
                                + x.getSubjectX500Principal().getName() + ") expired on "
                                + x.getNotAfter().toInstant() + ": renew it", e);
                    } catch (java.security.cert.CertificateNotYetValidException e) {
                        throw new TlsConfigurationException(file, "the certificate in key store " + file + " ("
                                + x.getSubjectX500Principal().getName() + ") is not valid before "
                                + x.getNotBefore().toInstant(), e);
                    }
                }
            }
            if (!anyKey) {
                throw new TlsConfigurationException(file, "key store " + file + " holds no private key (it must"
                        + " hold our certificate with its key; a store of trusted certificates belongs in the trust"
                        + " store)", null);
            }
        } catch (java.security.KeyStoreException e) {
            throw new TlsConfigurationException(file, "key store " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String certificateSubject(Path keyStore, char[] password) throws IOException {
        KeyStore keys = load(keyStore, password, "key store");
        try {
            for (String alias : java.util.Collections.list(keys.aliases())) {
                if (keys.isKeyEntry(alias) && keys.getCertificate(alias) instanceof java.security.cert.X509Certificate x) {
                    return x.getSubjectX500Principal().getName();
                }
            }
            return null;
        } catch (java.security.KeyStoreException e) {
            return null;
        }
    }

    private static KeyStore load(Path file, char[] password, String role) throws TlsConfigurationException {
        if (!Files.exists(file)) {
            throw new TlsConfigurationException(file, role + " not found: " + file, null);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new TlsConfigurationException(file, role + " " + file + " is not a readable file", null);
        }
        try {
            return KeyStore.getInstance(file.toFile(), password);
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("password")) {
                throw new TlsConfigurationException(file, "wrong password for " + role + " " + file, e);
            }
            throw new TlsConfigurationException(file, role + " " + file + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TlsConfigurationException(file, role + " " + file + " is not a PKCS#12 or JKS key store: "
                    + e.getMessage(), e);
        }
    }

    /** Wraps a connected socket in TLS as the client and completes the handshake. */
    static SSLSocket wrapClient(Socket connected, String host, int port) throws IOException {
        return wrapClient(clientContext(), connected, host, port);
    }

    /** As {@link #wrapClient(Socket, String, int)} with a context of the caller's (e.g. an SCP reporting back). */
    static SSLSocket wrapClient(SSLContext context, Socket connected, String host, int port) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(connected, host, port, true);
        s.setEnabledProtocols(new String[]{"TLSv1.3", "TLSv1.2"});
        javax.net.ssl.SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        try {
            s.startHandshake();
        } catch (IOException e) {
            // our write can fail ("Broken pipe") before we read the alert that says why the peer closed
            javax.net.ssl.SSLException alert = String.valueOf(e.getMessage()).contains("alert") ? null
                    : TlsFailures.pendingAlert(s);
            if (alert != null) {
                alert.addSuppressed(e);
                throw alert;
            }
            throw e;
        }
        return s;
    }
}
