package org.importdesk.send;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Writes scheduled import orders as worklist files (.wl) with dcmtk's dump2dcm, for Orthanc's worklist plugin. */
public final class WorklistOrders {
    public static final Path DUMP2DCM = Path.of("/usr/bin/dump2dcm");

    private WorklistOrders() {
    }

    public static boolean available() {
        return Files.isExecutable(DUMP2DCM);
    }

    public static void write(Path dir, String file, String name, String patientId, String issuer, String birthDate,
                             String sex, String accession, String procedure) throws IOException, InterruptedException {
        String dump = String.join("\n",
                "(0008,0005) CS [ISO_IR 100]",
                "(0008,0050) SH [" + accession + "]",
                "(0010,0010) PN [" + name + "]",
                "(0010,0020) LO [" + patientId + "]",
                "(0010,0021) LO [" + issuer + "]",
                "(0010,0030) DA [" + birthDate + "]",
                "(0010,0040) CS [" + sex + "]",
                "(0020,000d) UI [2.25.1" + Math.abs(accession.hashCode()) + "]",
                "(0032,1060) LO [" + procedure + "]",
                "(0040,1001) SH [RP-" + accession + "]",
                "(0040,0100) SQ (Sequence with explicit length #=1)",
                "  (fffe,e000) na (Item with explicit length #=4)",
                "    (0008,0060) CS [MR]",
                "    (0040,0001) AE [IMPORTDESK]",
                "    (0040,0002) DA [20261122]",
                "    (0040,0007) LO [Import of an external study]",
                "  (fffe,e00d) na (ItemDelimitationItem for re-encoding)",
                "(fffe,e0dd) na (SequenceDelimitationItem for re-encoding)",
                "");
        Path dumpFile = dir.resolve(file + ".dump");
        Files.write(dumpFile, dump.getBytes(StandardCharsets.ISO_8859_1));
        Process p = new ProcessBuilder(DUMP2DCM.toString(), "-g", "+te", dumpFile.toString(),
                dir.resolve(file + ".wl").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("dump2dcm failed: " + out);
        }
        Files.delete(dumpFile);
    }
}
