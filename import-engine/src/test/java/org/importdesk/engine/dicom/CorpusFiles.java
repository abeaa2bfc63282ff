package org.importdesk.engine.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Locates ../shared/corpus (tests skip when it is absent) and reads its MANIFEST.tsv. */
public final class CorpusFiles {
    private CorpusFiles() {
    }

    public static Path corpus() {
        String root = System.getProperty("importdesk.root");
        if (root != null) {
            Path p = Path.of(root).resolve("../shared/corpus").normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("../shared/corpus").normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    /** One MANIFEST.tsv row: path (relative to the corpus), kind, transfer syntax, modality. */
    public record Entry(Path file, String relative, String kind, String transferSyntaxUid, String modality) {
    }

    public static List<Entry> manifest(Path corpus) throws IOException {
        List<String> lines = Files.readAllLines(corpus.resolve("MANIFEST.tsv"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int path = header.indexOf("path");
        int kind = header.indexOf("kind");
        int ts = header.indexOf("TransferSyntaxUID");
        int modality = header.indexOf("Modality");
        List<Entry> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            out.add(new Entry(corpus.resolve(f[path]), f[path], f[kind], f[ts], f[modality]));
        }
        return out;
    }
}
