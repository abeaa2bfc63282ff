package org.importdesk.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The installed models as `--version` shows them: each folder or file in the models directory, with every
 * {@code "version"} found in its manifest JSON files. Deliberately tolerant: it reads no particular manifest schema,
 * so it keeps working while the inference code defines one.
 */
final class ModelListing {
    private static final Pattern VERSION = Pattern.compile("\"(?:version|modelVersion|model_version)\"\\s*:\\s*(\"([^\"]*)\"|[0-9][0-9.]*)");
    private static final long MAX_MANIFEST_BYTES = 1 << 20;

    private ModelListing() {
    }

    /** One line per model: name, versions (or "no version in a manifest"), size. */
    static List<String> describe(Path modelsDir) {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(modelsDir)) {
            lines.add("(no models directory at " + modelsDir + ")");
            return lines;
        }
        try (Stream<Path> entries = Files.list(modelsDir)) {
            for (Path p : entries.filter(e -> !e.getFileName().toString().startsWith(".")).sorted().toList()) {
                lines.add(describeEntry(p));
            }
        } catch (IOException e) {
            lines.add("(cannot list " + modelsDir + ": " + e.getMessage() + ")");
        }
        if (lines.isEmpty()) {
            lines.add("(none installed in " + modelsDir + ")");
        }
        return lines;
    }

    private static String describeEntry(Path p) throws IOException {
        String name = p.getFileName().toString();
        Set<String> versions = new LinkedHashSet<>();
        long bytes;
        if (Files.isDirectory(p)) {
            try (Stream<Path> files = Files.walk(p, 2)) {
                List<Path> all = files.filter(Files::isRegularFile).toList();
                bytes = all.stream().mapToLong(ModelListing::size).sum();
                all.stream().filter(ModelListing::isManifest).sorted().forEach(m -> versions.addAll(versionsIn(m)));
            }
        } else {
            bytes = size(p);
            if (isManifest(p)) {
                versions.addAll(versionsIn(p));
            }
        }
        String version = versions.isEmpty() ? "no version in a manifest" : "version " + String.join(", ", versions);
        return String.format(Locale.ROOT, "%s  %s  (%.1f MB)", name, version, bytes / 1e6);
    }

    private static boolean isManifest(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") && (n.contains("manifest") || n.equals("model.json") || n.equals("metadata.json"));
    }

    static List<String> versionsIn(Path manifest) {
        List<String> found = new ArrayList<>();
        try {
            if (Files.size(manifest) > MAX_MANIFEST_BYTES) {
                return found;
            }
            Matcher m = VERSION.matcher(Files.readString(manifest, StandardCharsets.UTF_8));
            while (m.find()) {
                found.add(m.group(2) != null ? m.group(2) : m.group(1));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            found.add("(unreadable manifest " + manifest.getFileName() + ")");
        }
        return found;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
