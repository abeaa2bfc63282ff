package org.importdesk.app.ui.service;

import org.importdesk.engine.config.ConfigLocations;
import org.importdesk.engine.config.ConfigurationLoader;
import org.importdesk.engine.config.ImportDeskSettings;
import org.importdesk.engine.config.LoadedConfiguration;
import org.importdesk.engine.config.SettingKeys;
import org.importdesk.engine.config.UserSettingsStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The workstation's settings as the engine's configuration layers them (built-in defaults, the site file, the user's
 * file). The screens change only what a user may change (language, and the connections while the site file defines
 * none); roles and the auto-send policy are the site's.
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
        loaded = new UserSettingsStore(locations).save(changes);
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
