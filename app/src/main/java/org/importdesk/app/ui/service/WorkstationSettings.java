package org.importdesk.app.ui.service;

import org.importdesk.engine.config.ConfigLocations;
import org.importdesk.engine.config.ConfigProblem;
import org.importdesk.engine.config.EffectiveValue;
import org.importdesk.engine.config.InvalidConfigurationException;
import org.importdesk.engine.config.SettingSource;
import org.importdesk.engine.config.TlsSettings;
import org.importdesk.engine.dicom.DicomTls;
import org.importdesk.engine.dicom.TlsConfigurationException;
import org.importdesk.engine.config.ConfigurationLoader;
import org.importdesk.engine.config.ImportDeskSettings;
import org.importdesk.engine.config.LoadedConfiguration;
import org.importdesk.engine.config.SettingKeys;
import org.importdesk.engine.config.UserSettingsStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The workstation's settings as the engine's configuration layers them (built-in defaults, the site file, the user's
 * file). The screens change only what a user may change (language, and the connections, TLS stores and storage
 * commitment while the site file defines none); roles and the auto-send policy are the site's.
 */
public final class WorkstationSettings {

    /** The name under which the settings screen keeps its one PACS and one worklist node. */
    public static final String NODE_NAME = "main";

    private final ConfigLocations locations;
    private volatile LoadedConfiguration loaded;

    public WorkstationSettings(ConfigLocations locations) {
        this.locations = locations;
        this.loaded = ConfigurationLoader.load(locations);
    }

    public static WorkstationSettings forCurrentUser() {
        return new WorkstationSettings(ConfigLocations.forCurrentUser());
    }

    public ImportDeskSettings current() {
        return loaded.settings();
    }

    public ConfigLocations locations() {
        return locations;
    }

    public boolean isTeamLead(String user) {
        return current().roles().isTeamLead(user);
    }

    public boolean pinMatches(String pin) {
        return pin != null && !pin.isEmpty() && current().roles().pinUnlocksTeamLead(pin.toCharArray());
    }

    public List<String> teamLeads() {
        return current().roles().teamLeads().stream().sorted().toList();
    }

    public String language() {
        return current().language().getLanguage();
    }

    public double autoSendConfidence() {
        return current().autoSend().enabled() ? current().autoSend().minimumConfidence() : Double.POSITIVE_INFINITY;
    }

    /**
     * Writes user-level changes (a blank value removes the key) and reloads.
     *
     * @throws org.importdesk.engine.config.InvalidConfigurationException naming each refused key and why
     */
    public void save(Map<String, String> changes) {
        UserSettingsStore store = new UserSettingsStore(locations);
        if (changes.keySet().stream().anyMatch(k -> k.startsWith("tls."))) {
            checkStores(store.check(changes).settings().tls());
        }
        loaded = store.save(changes);
    }

    /**
     * Opens the key and trust store as the engine will when it connects (file present, password right, a private
     * key, certificates valid), so that a bad store is refused here rather than at the first TLS association.
     */
    private void checkStores(TlsSettings tls) {
        if (!tls.configured()) {
            return;
        }
        try {
            DicomTls.context(tls.keyStore().orElse(null), tls.keyStorePassword().toCharArray(),
                    tls.trustStore().orElse(null), tls.trustStorePassword().toCharArray());
        } catch (TlsConfigurationException e) {
            String key = tls.keyStore().filter(p -> p.equals(e.file())).isPresent()
                    ? SettingKeys.TLS_KEY_STORE : SettingKeys.TLS_TRUST_STORE;
            throw new InvalidConfigurationException(List.of(new ConfigProblem(locations.userFile().toString(), key,
                    e.getMessage())));
        } catch (IOException e) {
            throw new InvalidConfigurationException(List.of(new ConfigProblem(locations.userFile().toString(),
                    SettingKeys.TLS_KEY_STORE, e.getMessage())));
        }
    }

    /**
     * Whether the site file decides this key, so that the user's value would be ignored: the key itself comes from
     * the site file, or (TLS) the site file sets any key of its group.
     */
    public boolean siteSets(String key) {
        Map<String, EffectiveValue> values = loaded.values();
        if (key.startsWith("tls.")) {
            return values.values().stream().anyMatch(v -> v.key().startsWith("tls.") && v.source() == SettingSource.SITE);
        }
        EffectiveValue v = values.get(key);
        return v != null && v.source() == SettingSource.SITE;
    }

    public static String pacsKey() {
        return "pacs." + NODE_NAME;
    }

    public static String worklistKey() {
        return "worklist." + NODE_NAME;
    }

    public static String languageKey() {
        return SettingKeys.LANGUAGE;
    }

    public static String deviceKey() {
        return SettingKeys.INFERENCE_DEVICE;
    }

    public Path siteFile() {
        return locations.siteFile();
    }
}
