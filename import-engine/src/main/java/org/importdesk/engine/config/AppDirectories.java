package org.importdesk.engine.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where ImportDesk keeps one user's files, in the platform's usual places.
 * <ul>
 *   <li>Linux (XDG): {@code $XDG_CONFIG_HOME/importdesk} (~/.config), {@code $XDG_DATA_HOME/importdesk}
 *   (~/.local/share), {@code $XDG_CACHE_HOME/importdesk} (~/.cache), logs in {@code $XDG_STATE_HOME/importdesk/logs}
 *   (~/.local/state).</li>
 *   <li>Windows: configuration in {@code %APPDATA%\ImportDesk} (roams with the profile); data, cache and logs in
 *   {@code %LOCALAPPDATA%\ImportDesk}.</li>
 *   <li>macOS: {@code ~/Library/Application Support/ImportDesk}, {@code ~/Library/Caches/ImportDesk},
 *   {@code ~/Library/Logs/ImportDesk}.</li>
 * </ul>
 * The system property {@value Environment#HOME_PROPERTY} or the variable {@value Environment#HOME_VARIABLE} puts all
 * four under one folder (tests, portable installations).
 */
public record AppDirectories(Path config, Path data, Path cache, Path logs) {
    private static final String LINUX_NAME = "importdesk";
    private static final String PRODUCT_NAME = "ImportDesk";

    public AppDirectories {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(logs, "logs");
    }

    public static AppDirectories forCurrentUser() {
        return resolve(Environment.current());
    }

    public static AppDirectories resolve(Environment env) {
        Optional<String> home = env.setting(Environment.HOME_PROPERTY, Environment.HOME_VARIABLE);
        if (home.isPresent()) {
            return under(Path.of(home.get()).toAbsolutePath());
        }
        Path userHome = env.userHome();
        return switch (env.os()) {
            case LINUX -> new AppDirectories(
                    xdg(env, "XDG_CONFIG_HOME", userHome.resolve(".config")).resolve(LINUX_NAME),
                    xdg(env, "XDG_DATA_HOME", userHome.resolve(".local/share")).resolve(LINUX_NAME),
                    xdg(env, "XDG_CACHE_HOME", userHome.resolve(".cache")).resolve(LINUX_NAME),
                    xdg(env, "XDG_STATE_HOME", userHome.resolve(".local/state")).resolve(LINUX_NAME).resolve("logs"));
            case WINDOWS -> {
                Path roaming = env.variable("APPDATA").map(Path::of)
                        .orElse(userHome.resolve("AppData").resolve("Roaming")).resolve(PRODUCT_NAME);
                Path local = env.variable("LOCALAPPDATA").map(Path::of)
                        .orElse(userHome.resolve("AppData").resolve("Local")).resolve(PRODUCT_NAME);
                yield new AppDirectories(roaming, local.resolve("data"), local.resolve("cache"), local.resolve("logs"));
            }
            case MAC -> {
                Path library = userHome.resolve("Library");
                yield new AppDirectories(library.resolve("Application Support").resolve(PRODUCT_NAME).resolve("config"),
                        library.resolve("Application Support").resolve(PRODUCT_NAME).resolve("data"),
                        library.resolve("Caches").resolve(PRODUCT_NAME),
                        library.resolve("Logs").resolve(PRODUCT_NAME));
            }
        };
    }

    /** All four directories under one root: {@code root/config}, {@code root/data}, {@code root/cache}, {@code root/logs}. */
    public static AppDirectories under(Path root) {
        return new AppDirectories(root.resolve("config"), root.resolve("data"), root.resolve("cache"), root.resolve("logs"));
    }

    /** XDG says a relative or empty value is invalid and must be ignored. */
    private static Path xdg(Environment env, String variable, Path fallback) {
        return env.variable(variable).map(Path::of).filter(Path::isAbsolute).orElse(fallback);
    }

    /** The user's own settings file (language, and the connections when the site file defines none). */
    public Path userSettingsFile() {
        return config.resolve("user.properties");
    }

    /** Base name of the embedded H2 database (H2 appends {@code .mv.db}). */
    public Path defaultDatabase() {
        return data.resolve("db").resolve("importdesk");
    }

    /** Where studies go when no PACS is configured. */
    public Path defaultLocalArchive() {
        return data.resolve("archive");
    }

    /** DJL unpacks the bundled PyTorch natives here on first start. */
    public Path djlCache() {
        return cache.resolve("djl");
    }

    /** Creates the directories that do not exist yet. */
    public AppDirectories create() {
        try {
            for (Path p : new Path[]{config, data, cache, logs}) {
                Files.createDirectories(p);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create ImportDesk's directory " + e.getMessage(), e);
        }
    }
}
