package org.importdesk.engine.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes the user's file: what the first-run setup (UI) or {@code importdesk config init} saves. Only keys a user
 * may set are accepted, and the result is validated with the site file before anything is written, so a saved file
 * always loads.
 */
public final class UserSettingsStore {
    private final ConfigLocations locations;

    public UserSettingsStore(ConfigLocations locations) {
        this.locations = locations;
    }

    /**
     * Merges {@code changes} into the user's file (a blank value removes the key) and returns the configuration as it
     * loads afterwards.
     *
     * @throws InvalidConfigurationException for a policy key or an invalid value; nothing is written then
     */
    public LoadedConfiguration save(Map<String, String> changes) {
        Map<String, String> merged = merge(changes);
        LoadedConfiguration result = ConfigurationLoader.layer(locations,
                ConfigurationLoader.readFile(locations.siteFile()), Optional.of(merged));
        write(locations.userFile(), merged);
        return result;
    }

    /**
     * The configuration as it would load after {@link #save} with these changes, without writing anything (for
     * checks that go beyond the file's syntax, such as opening a TLS key store, before saving).
     *
     * @throws InvalidConfigurationException as {@link #save} would
     */
    public LoadedConfiguration check(Map<String, String> changes) {
        return ConfigurationLoader.layer(locations, ConfigurationLoader.readFile(locations.siteFile()),
                Optional.of(merge(changes)));
    }

    private Map<String, String> merge(Map<String, String> changes) {
        List<ConfigProblem> problems = new ArrayList<>();
        String userName = locations.userFile().toString();
        changes.keySet().forEach(k -> {
            Optional<SettingScope> scope = SettingKeys.scopeOf(k);
            if (scope.isEmpty()) {
                problems.add(new ConfigProblem(userName, k, "unknown setting"));
            } else if (scope.get() == SettingScope.SITE_ONLY) {
                problems.add(new ConfigProblem(userName, k, "only the site file (" + locations.siteFile() + ") may set it"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        Map<String, String> merged = new TreeMap<>(ConfigurationLoader.readFile(locations.userFile()).orElse(Map.of()));
        changes.forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                merged.remove(k);
            } else {
                merged.put(k, v.trim());
            }
        });
        return merged;
    }

    /** Creates the user's file with the current values commented out, unless it exists. Returns whether it wrote. */
    public boolean init() {
        Path file = locations.userFile();
        if (Files.exists(file)) {
            return false;
        }
        write(file, Map.of());
        return true;
    }

    private static void write(Path file, Map<String, String> values) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "user", ".properties.tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("# ImportDesk user settings (UTF-8). The site file may override connection settings;\n");
                w.write("# see `importdesk config show` for the effective values and where they come from.\n");
                w.write("# Keys: language, station.aet, pacs.<name>=AET@host:port, pacs.<name>.tls, pacs.default,\n");
                w.write("#       worklist.<name>=AET@host:port, worklist.<name>.tls, database.url, archive.local.dir,\n");
                w.write("#       inference.device (CPU|GPU), tls.keyStore, tls.keyStorePassword, tls.trustStore,\n");
                w.write("#       tls.trustStorePassword (PKCS#12 files for TLS nodes; the key store is our client certificate),\n");
                w.write("#       commitment.port, commitment.waitSeconds (storage commitment after sending to a PACS)\n");
                for (Map.Entry<String, String> e : values.entrySet()) {
                    w.write(escape(e.getKey(), true) + "=" + escape(e.getValue(), false) + "\n");
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Properties escaping for what users type: backslashes (Windows paths), and separators in keys. */
    private static String escape(String s, boolean key) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '=', ':', ' ', '#', '!' -> b.append(key ? "\\" + c : String.valueOf(c));
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
