package org.importdesk.app.cli;

import org.importdesk.engine.dicom.DicomHeader;
import org.importdesk.engine.media.CancellationToken;
import org.importdesk.engine.media.DirectoryReference;
import org.importdesk.engine.media.MediumException;
import org.importdesk.engine.media.MediumFile;
import org.importdesk.engine.media.MediumListener;
import org.importdesk.engine.media.MediumReader;
import org.importdesk.engine.media.MediumScan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code importdesk scan PATH --format tsv}: one row per file of a medium, a summary on stderr. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Read a patient medium (folder or mounted disc, DICOMDIR, or ZIP): one row per file on stdout, "
                + "a summary on stderr.",
                "Exit codes: 0 the scan completed (bad files are rows), 1 PATH cannot be read at all, 2 usage error."})
public final class ScanCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("path", "status", "patient_id", "study_uid", "series_uid", "sop_uid",
            "modality", "transfer_syntax", "message");

    enum Format { tsv }

    @Parameters(index = "0", paramLabel = "PATH", description = "folder, mounted disc, DICOMDIR file or ZIP archive")
    Path path;

    @Option(names = "--format", defaultValue = "tsv", description = "output format: ${COMPLETION-CANDIDATES} (default)")
    Format format;

    @Option(names = "--threads", description = "files read in parallel (default: cores, at most 4)")
    Integer threads;

    @Option(names = "--quiet", description = "no summary on stderr")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        // PixelMed reports every oddity of every file; the rows already carry what matters
        System.setProperty("org.slf4j.simpleLogger.log.com.pixelmed", "off");
        PrintStream stderr = System.err;
        MediumReader reader = threads == null ? new MediumReader() : new MediumReader(threads);
        MediumScan scan;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            scan = reader.read(path, MediumListener.none(), CancellationToken.none());
        } catch (MediumException e) {
            System.setErr(stderr);
            stderr.println("importdesk scan: " + e.getMessage());
            return 1;
        } finally {
            System.setErr(stderr);
        }
        try (scan) {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            writeTsv(scan, out);
            out.flush();
            if (!quiet) {
                scan.summaryLines().forEach(stderr::println);
            }
        }
        return 0;
    }

    static void writeTsv(MediumScan scan, Writer out) throws IOException {
        out.write(String.join("\t", COLUMNS));
        out.write('\n');
        for (MediumFile f : scan.files()) {
            Optional<DicomHeader> h = f.header();
            Optional<DirectoryReference> ref = scan.reference(f);
            String[] cells = {
                    f.displayPath(),
                    f.status().label(),
                    h.map(DicomHeader::patientId).orElse(ref.map(DirectoryReference::patientId).orElse("")),
                    h.map(DicomHeader::studyInstanceUid).orElse(ref.map(DirectoryReference::studyInstanceUid).orElse("")),
                    h.map(DicomHeader::seriesInstanceUid).orElse(ref.map(DirectoryReference::seriesInstanceUid).orElse("")),
                    h.map(DicomHeader::sopInstanceUid).orElse(ref.map(DirectoryReference::sopInstanceUid).orElse("")),
                    h.map(DicomHeader::modality).orElse(""),
                    h.map(DicomHeader::transferSyntaxUid).orElse(ref.map(DirectoryReference::transferSyntaxUid).orElse("")),
                    f.message()};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write('\t');
                }
                out.write(clean(cells[i]));
            }
            out.write('\n');
        }
    }

    private static String clean(String cell) {
        return cell == null ? "" : cell.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
