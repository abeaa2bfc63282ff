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
 * {@code javax.net.ssl.trustStore}); {@link #useClientContext} replaces it, for example with a site trust store.
 * TLS 1.2 and 1.3 only. The peer's certificate must chain to a trusted one and name the host we connect to (HTTPS-style
 * endpoint identification: a DNS name or, for an IP address, an IP subject alternative name).
 */
public final class DicomTls {
    private static volatile SSLContext client;

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

    /** Replaces the context used for outgoing TLS associations (null: the JVM default again). */
    public static void useClientContext(SSLContext context) {
        client = context;
    }

    /**
     * A context from key and trust stores (PKCS12 or JKS, by content).
     *
     * @param keyStore   our certificate and private key (for a server, or client authentication); null for none
     * @param trustStore the certificates we trust; null for the JVM default
     */
    public static SSLContext context(Path keyStore, char[] keyPassword, Path trustStore, char[] trustPassword)
            throws IOException {
        try {
            KeyManagerFactory kmf = null;
            if (keyStore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keyStore, keyPassword), keyPassword);
            }
            TrustManagerFactory tmf = null;
            if (trustStore != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(trustStore, trustPassword));
            }
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS from " + keyStore + " / " + trustStore + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("key or trust store not found: " + file);
        }
        return KeyStore.getInstance(file.toFile(), password);
    }

    /** Wraps a connected socket in TLS as the client and completes the handshake. */
    static SSLSocket wrapClient(Socket connected, String host, int port) throws IOException {
        SSLSocket s = (SSLSocket) clientContext().getSocketFactory().createSocket(connected, host, port, true);
        s.setEnabledProtocols(new String[]{"TLSv1.3", "TLSv1.2"});
        javax.net.ssl.SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }
}
