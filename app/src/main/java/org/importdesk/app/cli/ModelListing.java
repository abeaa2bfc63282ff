package org.importdesk.app.cli;

import org.importdesk.engine.inference.ModelManifest;
import org.importdesk.engine.inference.ModelRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The installed models as `--version` shows them: one line per model folder with a manifest, identified by name,
 * modality, architecture, training date and the first digits of its weights' SHA-256 (the weights are the version).
 */
final class ModelListing {

    private ModelListing() {
    }

    static List<String> describe(Path modelsDir) {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(modelsDir)) {
            lines.add("(no models directory at " + modelsDir + ")");
            return lines;
        }
        try {
            for (ModelRepository.Entry e : new ModelRepository(modelsDir).list()) {
                lines.add(e.manifest().map(ModelListing::line)
                        .orElseGet(() -> e.name() + "  unreadable manifest: " + e.problem().orElse("?")));
            }
        } catch (IOException e) {
            lines.add("(cannot list " + modelsDir + ": " + e.getMessage() + ")");
        }
        if (lines.isEmpty()) {
            lines.add("(none installed in " + modelsDir + ")");
        }
        return lines;
    }

    private static String line(ModelManifest m) {
        String trained = m.training() == null || m.training().trainedAt() == null ? "?" : m.training().trainedAt();
        String sha = m.weightsSha256() == null ? "?" : m.weightsSha256().substring(0, Math.min(12, m.weightsSha256().length()));
        return String.format(Locale.ROOT, "%s  %s %s  %s  trained %s  weights sha256:%s", m.name(), m.modality(),
                m.classCodes(), m.architecture(), trained, sha);
    }
}
