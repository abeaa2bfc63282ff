package org.importdesk.engine.dicom;

import javax.net.ssl.SSLException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;

/**
 * Turns the JDK's TLS failures into messages that say what to fix: which side refused, and whether the certificate
 * is missing, untrusted, expired or names another host. The JDK reports the peer's refusal only as the TLS alert it
 * received ("Received fatal alert: certificate_required"); with TLS 1.3 that alert arrives after our handshake
 * returned, on the first read, so the same diagnosis applies to failures while the association is being requested.
 */
public final class TlsFailures {
    private TlsFailures() {
    }

    /**
     * @param peer           whom we connected to
     * @param ourCertificate the subject of the client certificate we offer, or null when none is configured
     */
    public static String describe(SSLException e, DicomNode peer, String ourCertificate) {
        String all = chain(e);
        String who = peer.toString();
        if (has(e, CertificateExpiredException.class)) {
            return "TLS with " + who + " failed: its certificate has expired (" + rootMessage(e) + ")";
        }
        if (has(e, CertificateNotYetValidException.class)) {
            return "TLS with " + who + " failed: its certificate is not valid yet (" + rootMessage(e) + ")";
        }
        if (has(e, CertPathBuilderException.class) || has(e, CertPathValidatorException.class)
                || all.contains("pkix path")) {
            return "TLS with " + who + " failed: its certificate is not trusted (not issued by a certificate in our"
                    + " trust store, tls.trustStore): " + rootMessage(e);
        }
        if (all.contains("no subject alternative") || all.contains("no name matching")) {
            return "TLS with " + who + " failed: its certificate does not name " + peer.host() + ": " + rootMessage(e);
        }
        if (all.contains("certificate_expired")) {
            return "TLS handshake refused by " + who + ": it says our client certificate has expired"
                    + (ourCertificate == null ? "" : " (ours is " + ourCertificate + ")");
        }
        if (all.contains("certificate_required") || all.contains("bad_certificate")
                || all.contains("certificate_unknown") || all.contains("unknown_ca")) {
            String alert = "[" + alertName(all) + "]";
            if (ourCertificate == null) {
                return "TLS handshake refused by " + who + ": it requires a client certificate and we have none"
                        + " configured (tls.keyStore) " + alert;
            }
            if (ourCertificate.equals(DicomTls.INSTALLED_CONTEXT)) {
                return "TLS handshake refused by " + who + ": it does not accept our client certificate, or requires"
                        + " one (the TLS context was installed directly) " + alert;
            }
            // the JDK sends no certificate at all when the server names the issuers it accepts and ours is not one
            return "TLS handshake refused by " + who + ": it does not trust our client certificate (ours is "
                    + ourCertificate + "; the PACS must trust it or its issuer) " + alert;
        }
        if (all.contains("protocol_version")) {
            return "TLS with " + who + " failed: no common protocol version (we speak TLS 1.2 and 1.3)";
        }
        if (all.contains("handshake_failure")) {
            return "TLS handshake refused by " + who + " (handshake_failure: no common cipher suite, or it refused"
                    + " our client certificate: " + (ourCertificate == null ? "none configured" : ourCertificate) + ")";
        }
        if (all.contains("broken pipe") || all.contains("connection reset")) {
            return brokenOff(e, peer, ourCertificate);
        }
        return "TLS with " + who + " failed: " + e.getMessage();
    }

    private static String alertName(String chain) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("alert: ([a-z_]+)").matcher(chain);
        return m.find() ? m.group(1) : "alert";
    }

    /**
     * The handshake failed without a TLS alert (a plain socket error). A peer that closes in the middle of the
     * handshake has, as a rule, refused us; its alert was lost with our failed write. Not retried then.
     */
    static DicomNetworkException handshakeBroken(java.io.IOException e, DicomNode peer, String ourCertificate) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("broken pipe") || m.contains("connection reset")) {
            return new DicomNetworkException(brokenOff(e, peer, ourCertificate), false, e);
        }
        return new DicomNetworkException("TLS with " + peer + " failed: " + e.getMessage(), true, e);
    }

    private static String brokenOff(Exception e, DicomNode peer, String ourCertificate) {
        return "TLS handshake with " + peer + " broken off by the peer (" + e.getMessage() + "): most likely it"
                + " refused our client certificate (" + (ourCertificate == null ? "none configured" : ourCertificate)
                + "); its log says why";
    }

    /**
     * The connection broke after our TLS handshake had returned, before the association was answered. With TLS 1.3
     * that is how a server refuses our client certificate: its alert arrives after our handshake, and the socket may
     * already be reset when we write. Reads what the peer sent to find the alert; without one, says what most likely
     * happened and leaves it to the retry logic (a network failure looks the same).
     */
    static DicomNetworkException afterHandshake(javax.net.ssl.SSLSocket socket, java.io.IOException failure,
                                                DicomNode peer, String ourCertificate) {
        if (failure instanceof java.net.SocketTimeoutException) {
            // the peer kept the connection open and said nothing: slow or hung, not a refusal
            return new DicomNetworkException("association with " + peer + " failed: no answer to the association"
                    + " request inside TLS (" + failure.getMessage() + ")", true, failure);
        }
        SSLException alert = pendingAlert(socket);
        if (alert != null) {
            return new DicomNetworkException(describe(alert, peer, ourCertificate), false, alert);
        }
        String mine = ourCertificate == null ? "we have none configured, tls.keyStore" : "ours is " + ourCertificate;
        return new DicomNetworkException("TLS connection to " + peer + " closed right after the handshake ("
                + failure.getMessage() + "): it probably refused our client certificate (" + mine + ")", true, failure);
    }

    /**
     * The alert the peer sent before closing, when our own write failed first ("Broken pipe"): read from the socket,
     * or null when there is none to read.
     */
    static SSLException pendingAlert(javax.net.ssl.SSLSocket socket) {
        try {
            socket.setSoTimeout(2000);
            socket.getInputStream().read();
        } catch (SSLException alert) {
            return String.valueOf(alert.getMessage()).contains("alert") ? alert : null;
        } catch (java.io.IOException | RuntimeException ignored) {
            // nothing more to learn
        }
        return null;
    }

    /** Why our server refused a client's handshake, for the log. */
    public static String describeRefusedClient(SSLException e) {
        String all = chain(e);
        if (all.contains("empty client certificate chain") || all.contains("certificate_required")) {
            return "the client sent no certificate (client authentication is required)";
        }
        if (has(e, CertificateExpiredException.class)) {
            return "the client's certificate has expired";
        }
        if (has(e, CertPathBuilderException.class) || has(e, CertPathValidatorException.class)
                || all.contains("pkix path")) {
            return "the client's certificate is not trusted: " + rootMessage(e);
        }
        if (all.contains("certificate_unknown") || all.contains("unknown_ca")) {
            return "the client does not trust our certificate";
        }
        if (all.contains("unrecognized ssl message") || all.contains("plaintext")) {
            return "the client does not speak TLS (plain DICOM to a TLS port)";
        }
        return e.getMessage();
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String chain(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            b.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" | ");
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage();
    }
}
