package org.importdesk.engine.config;

import java.nio.file.Path;

/**
 * Where the installed (or checked-out) application keeps its read-only parts. The package launcher sets
 * {@code importdesk.models} (or the environment's {@code IMPORTDESK_MODELS}) to the bundled models; the development
 * launcher sets {@code importdesk.root} to the
 * repository, whose {@code models/} folder is used then.
 */
public final class InstallLayout {
    public static final String MODELS_PROPERTY = "importdesk.models";
    public static final String MODELS_VARIABLE = "IMPORTDESK_MODELS";
    public static final String ROOT_PROPERTY = "importdesk.root";

    private InstallLayout() {
    }

    public static Path modelsDirectory(Environment env) {
        return env.setting(MODELS_PROPERTY, MODELS_VARIABLE).filter(v -> !v.isBlank()).map(Path::of)
                .or(() -> env.property(ROOT_PROPERTY).map(r -> Path.of(r, "models")))
                .orElse(Path.of("models"))
                .toAbsolutePath().normalize();
    }

    public static Path modelsDirectory() {
        return modelsDirectory(Environment.current());
    }
}
