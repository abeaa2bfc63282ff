package org.importdesk.engine.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The two files the settings come from, besides the built-in defaults: the site file an administrator deploys and
 * the user's own file.
 * <ul>
 *   <li>Linux: {@code /etc/importdesk/site.properties}</li>
 *   <li>Windows: {@code %ProgramData%\ImportDesk\site.properties}</li>
 *   <li>macOS: {@code /Library/Application Support/ImportDesk/site.properties}</li>
 * </ul>
 * The property {@value Environment#SITE_CONFIG_PROPERTY} or the variable {@value Environment#SITE_CONFIG_VARIABLE}
 * names another site file.
 */
public record ConfigLocations(AppDirectories directories, Path siteFile) {
    public ConfigLocations {
        Objects.requireNonNull(directories, "directories");
        Objects.requireNonNull(siteFile, "siteFile");
    }

    public static ConfigLocations forCurrentUser() {
        return resolve(Environment.current());
    }

    public static ConfigLocations resolve(Environment env) {
        return new ConfigLocations(AppDirectories.resolve(env), siteFile(env));
    }

    static Path siteFile(Environment env) {
        return env.setting(Environment.SITE_CONFIG_PROPERTY, Environment.SITE_CONFIG_VARIABLE).map(Path::of)
                .orElseGet(() -> switch (env.os()) {
                    case LINUX -> Path.of("/etc/importdesk/site.properties");
                    case WINDOWS -> Path.of(env.variable("ProgramData").or(() -> env.variable("PROGRAMDATA"))
                            .orElse("C:\\ProgramData"), "ImportDesk", "site.properties");
                    case MAC -> Path.of("/Library/Application Support/ImportDesk/site.properties");
                });
    }

    public Path userFile() {
        return directories.userSettingsFile();
    }
}
