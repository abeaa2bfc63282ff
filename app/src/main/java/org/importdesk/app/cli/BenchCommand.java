package org.importdesk.app.cli;

import org.importdesk.app.cli.bench.BenchContext;
import org.importdesk.app.cli.bench.BenchPart;
import org.importdesk.app.cli.bench.BenchParts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code importdesk bench}: timings of the parts selected with --what (all by default). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure preview, MIP and model timings. Parts: see --what.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--what", split = ",", paramLabel = "PART",
            description = "parts to run, comma-separated (default: all): ${COMPLETION-CANDIDATES}",
            completionCandidates = PartNames.class)
    List<String> what = new ArrayList<>();

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "folder of DICOM files for the per-series figures (default: ../shared/corpus)")
    Path corpus;

    @Option(names = "--size", defaultValue = "512", description = "network input size S (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--repetitions", defaultValue = "5", description = "repetitions of timed loops (default: ${DEFAULT-VALUE})")
    int repetitions;

    static final class PartNames extends ArrayList<String> {
        PartNames() {
            super(BenchParts.ALL.stream().map(BenchPart::name).toList());
        }
    }

    @Override
    public Integer call() {
        List<BenchPart> parts = new ArrayList<>();
        for (String name : what) {
            BenchPart part = BenchParts.ALL.stream().filter(p -> p.name().equals(name.trim())).findFirst()
                    .orElse(null);
            if (part == null) {
                System.err.println("unknown bench part '" + name + "'; known: "
                        + BenchParts.ALL.stream().map(BenchPart::name).collect(Collectors.joining(", ")));
                return 2;
            }
            parts.add(part);
        }
        if (parts.isEmpty()) {
            parts.addAll(BenchParts.ALL);
        }
        if (size < 8) {
            System.err.println("--size must be at least 8");
            return 2;
        }
        Path folder = corpus != null ? corpus : defaultCorpus();
        BenchContext context = new BenchContext(folder, size, repetitions, System.out);
        int failed = 0;
        for (BenchPart part : parts) {
            System.out.println(part.name() + ": " + part.description());
            try {
                part.run(context);
            } catch (Exception e) {
                failed++;
                System.out.println("  failed: " + e);
            }
        }
        return failed == 0 ? 0 : 1;
    }

    static Path defaultCorpus() {
        String root = System.getProperty("importdesk.root", ".");
        return Path.of(root).resolve("../shared/corpus").toAbsolutePath().normalize();
    }
}
