package org.importdesk.engine.dicom;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;

/**
 * The JDK's trust manager, plus a validity check of the peer's own certificate. PKIX does not check the dates of a
 * trust anchor, so a self-signed certificate put directly into a trust store (common for DICOM nodes) would be
 * accepted long after it expired. The failure is reported as an expired certificate path, so the peer receives the
 * {@code certificate_expired} alert.
 */
final class ValidityCheckingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;

    ValidityCheckingTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    private static void checkValidity(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            return;
        }
        X509Certificate leaf = chain[0];
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            boolean expired = e instanceof CertificateExpiredException;
            String message = "certificate " + leaf.getSubjectX500Principal().getName() + (expired
                    ? " expired on " + leaf.getNotAfter().toInstant()
                    : " is not valid before " + leaf.getNotBefore().toInstant());
            CertPathValidatorException path = new CertPathValidatorException(message, e, null, -1,
                    expired ? CertPathValidatorException.BasicReason.EXPIRED
                            : CertPathValidatorException.BasicReason.NOT_YET_VALID);
            throw new CertificateException(message, path);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
        checkValidity(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, socket);
        checkValidity(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
        checkValidity(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkServerTrusted(chain, authType, engine);
        checkValidity(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
        checkValidity(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
        checkValidity(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
