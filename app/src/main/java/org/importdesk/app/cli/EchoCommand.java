package org.importdesk.app.cli;

import org.importdesk.engine.dicom.DicomNetworkException;
import org.importdesk.engine.dicom.DicomNode;
import org.importdesk.engine.dicom.DicomQueryClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "echo", mixinStandardHelpOptions = true,
        description = {"C-ECHO a DICOM node (AET@HOST:PORT, or tls:AET@HOST:PORT for DICOM over TLS). Exit 0 when it"
                + " answers success.", "TLS uses the configured tls.keyStore (client certificate) and tls.trustStore;"
                + " without them the JVM's trust store and no client certificate."})
public final class EchoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "AET@HOST:PORT", converter = DicomNodeConverter.class)
    DicomNode node;

    @Option(names = "--calling-aet", defaultValue = "IMPORTDESK", description = "Our AE title (default ${DEFAULT-VALUE}).")
    String callingAet;

    @Option(names = "--timeout", defaultValue = "10", description = "Seconds to wait (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        java.util.Optional<String> tls = node.tls() ? ClientTls.fromConfiguration() : java.util.Optional.empty();
        if (tls.isPresent()) {
            System.out.println(node + "\tfailed\t" + tls.get().replace('\n', ' '));
            return 1;
        }
        try {
            DicomQueryClient.EchoResult r = new DicomQueryClient(callingAet, timeoutSeconds * 1000, timeoutSeconds * 1000)
                    .echo(node);
            System.out.printf("%s\t%s\tassociation %.1f ms\techo %.1f ms%n", node,
                    r.status().success() ? "ok" : "status " + r.status(), r.associationMillis(), r.echoMillis());
            return r.status().success() ? 0 : 1;
        } catch (DicomNetworkException e) {
            System.out.println(node + "\tfailed\t" + e.getMessage());
            return 1;
        }
    }
}
