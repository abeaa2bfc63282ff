package org.importdesk.app.ui.service;

import org.importdesk.engine.dicom.DicomNode;
import org.importdesk.engine.dicom.DicomQueryClient;

import java.util.Locale;

/** C-ECHO through the engine's DICOM client. */
public final class EngineEchoService implements EchoService {

    private final WorkstationSettings settings;

    public EngineEchoService(WorkstationSettings settings) {
        this.settings = settings;
    }

    @Override
    public String echo(String node) throws Exception {
        DicomNode peer = DicomNode.parse(node);
        if (peer.tls()) {
            org.importdesk.app.cli.ClientTls.apply(settings.current().tls());
        }
        DicomQueryClient.EchoResult r = new DicomQueryClient(settings.current().stationAeTitle(), 5000, 5000)
                .echo(peer);
        if (!r.status().success()) {
            throw new Exception("answered with status " + r.status());
        }
        return String.format(Locale.ROOT, "answered (association %.0f ms, echo %.0f ms)", r.associationMillis(), r.echoMillis());
    }
}
