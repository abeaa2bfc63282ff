package org.importdesk.engine.send;

import org.importdesk.engine.config.TlsSettings;
import org.importdesk.engine.dicom.DicomTls;
import org.importdesk.engine.dicom.LocalArchiveScp;
import org.importdesk.engine.dicom.TlsConfigurationException;

import java.io.IOException;
import java.net.InetAddress;

/**
 * Opens the listener that receives a PACS's storage commitment report. A PACS reached over TLS reports over TLS too
 * (a TLS-only site accepts nothing else): then the listener speaks only TLS with our key store (its certificate must
 * name the address the PACS connects to); with a trust store configured as well (mutual TLS: our certificate and the
 * site's trusted ones) it requires the PACS to present a certificate that store trusts. A plain PACS reports to a
 * plain listener.
 */
public final class CommitmentListener {
    private CommitmentListener() {
    }

    /**
     * @param tlsPeer whether the PACS is a TLS node
     * @throws TlsConfigurationException when TLS is needed but no key store is configured, or a store is unusable
     */
    public static LocalArchiveScp open(String aeTitle, InetAddress bind, int port, boolean tlsPeer, TlsSettings tls)
            throws IOException {
        if (!tlsPeer) {
            return LocalArchiveScp.commitmentListener(aeTitle, bind, port);
        }
        if (tls.keyStore().isEmpty()) {
            throw new TlsConfigurationException(null, "storage commitment from a TLS PACS needs our certificate to"
                    + " receive its report over TLS: tls.keyStore is not configured", null);
        }
        javax.net.ssl.SSLContext context = DicomTls.context(tls.keyStore().get(), tls.keyStorePassword().toCharArray(),
                tls.trustStore().orElse(null), tls.trustStorePassword().toCharArray());
        return LocalArchiveScp.commitmentListener(aeTitle, bind, port, context, tls.trustStore().isPresent());
    }
}
