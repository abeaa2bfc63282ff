package org.importdesk.engine.inference;

import org.importdesk.engine.config.InstallLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The models folder: one sub-folder per model with {@code manifest.json}, the weights and a model card. Default
 * location {@code <install root>/models}; property {@code importdesk.models} or environment
 * {@code IMPORTDESK_MODELS} overrides it.
 */
public final class ModelRepository {

    private final Path root;

    public ModelRepository(Path root) {
        this.root = root;
    }

    /** The models folder the rest of the application uses too ({@link InstallLayout#modelsDirectory()}). */
    public static ModelRepository defaultLocation() {
        return new ModelRepository(InstallLayout.modelsDirectory());
    }

    public Path root() {
        return root;
    }

    /** An installed model, or why its manifest could not be read. */
    public record Entry(Path dir, Optional<ModelManifest> manifest, Optional<String> problem) {
        public String name() {
            return manifest.map(ModelManifest::name).orElse(dir.getFileName().toString());
        }
    }

    /** What verification found for one model. */
    public record Verification(Entry entry, boolean ok, String detail) {
    }

    public List<Entry> list() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return entries;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted(Comparator.comparing(Path::toString)).toList()) {
                Path file = dir.resolve(ModelManifest.FILE_NAME);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    entries.add(new Entry(dir, Optional.of(ModelManifest.read(file)), Optional.empty()));
                } catch (IOException e) {
                    entries.add(new Entry(dir, Optional.empty(), Optional.of(e.getMessage())));
                }
            }
        }
        return entries;
    }

    public List<Verification> verify() throws IOException {
        List<Verification> results = new ArrayList<>();
        for (Entry entry : list()) {
            if (entry.manifest().isEmpty()) {
                results.add(new Verification(entry, false, entry.problem().orElse("unreadable manifest")));
                continue;
            }
            ModelManifest m = entry.manifest().get();
            Path weights = entry.dir().resolve(m.weightsFile());
            if (!Files.isRegularFile(weights)) {
                results.add(new Verification(entry, false, "weights file missing: " + weights));
                continue;
            }
            String actual = Sha256.of(weights);
            results.add(actual.equalsIgnoreCase(m.weightsSha256())
                    ? new Verification(entry, true, "SHA-256 " + actual + " matches")
                    : new Verification(entry, false, "SHA-256 " + actual + " differs from the manifest's "
                    + m.weightsSha256()));
        }
        return results;
    }

    /** The model that votes for a modality (first by folder name when several claim it). */
    public Optional<Entry> forModality(String modality) throws IOException {
        String wanted = modality.toUpperCase(Locale.ROOT);
        return list().stream()
                .filter(e -> e.manifest().map(m -> m.modality().equalsIgnoreCase(wanted)).orElse(false))
                .findFirst();
    }

    public NetworkModel load(Entry entry) throws IOException {
        return NetworkModel.load(entry.dir(),
                entry.manifest().orElseThrow(() -> new IOException(entry.problem().orElse("no manifest"))));
    }
}
