package org.importdesk.app.ui.service;

import org.importdesk.app.cli.ClientTls;
import org.importdesk.engine.config.ImportDeskSettings;
import org.importdesk.engine.dicom.DicomNode;

import java.io.IOException;

/**
 * A configured PACS or worklist as the DICOM client addresses it, TLS flag included; for a TLS node the configured
 * key store (client certificate) and trust store are installed first, so a settings change applies to the next send.
 */
final class ConfiguredNodes {
    private ConfiguredNodes() {
    }

    static DicomNode of(org.importdesk.engine.config.DicomNode n, ImportDeskSettings settings) throws IOException {
        if (n.tls()) {
            ClientTls.apply(settings.tls());
        }
        return new DicomNode(n.aeTitle(), n.host(), n.port(), n.tls());
    }
}
