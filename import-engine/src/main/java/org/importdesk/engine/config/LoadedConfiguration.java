package org.importdesk.engine.config;

import java.util.List;
import java.util.Map;

/**
 * The result of loading: the settings, where each raw value came from, warnings about ignored user entries, and
 * whether this is a first run.
 *
 * @param siteFilePresent whether the administrator's site file exists
 * @param userFilePresent whether the user's own file exists
 * @param values          the effective raw values by key, sorted, with their source
 * @param warnings        user entries that were ignored (a policy key, or a node the site file already defines)
 */
public record LoadedConfiguration(ImportDeskSettings settings, ConfigLocations locations, boolean siteFilePresent,
                                  boolean userFilePresent, Map<String, EffectiveValue> values, List<String> warnings) {
    public LoadedConfiguration {
        values = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(values));
        warnings = List.copyOf(warnings);
    }

    /**
     * Nothing is configured yet: neither a site file nor a user file exists, so the embedded defaults apply (H2 file
     * database in the user's data folder, local archive instead of a PACS). The UI offers its first-run setup then.
     */
    public boolean firstRun() {
        return !siteFilePresent && !userFilePresent;
    }
}
