package org.importdesk.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserSettingsStoreTest {
    @TempDir
    Path tmp;

    private ConfigLocations locations() {
        return new ConfigLocations(AppDirectories.under(tmp.resolve("user")), tmp.resolve("etc/site.properties"));
    }

    @Test
    void firstRunSetupIsSavedAndLoadsBack() {
        UserSettingsStore store = new UserSettingsStore(locations());
        store.save(Map.of("pacs.main", "PACS@pacs:104", "pacs.main.tls", "true", "language", "de",
                "archive.local.dir", "/srv/Daten\\Archiv"));
        LoadedConfiguration c = ConfigurationLoader.load(locations());
        assertThat(c.firstRun()).isFalse();
        assertThat(c.settings().pacsNodes()).containsExactly(new DicomNode("main", "PACS", "pacs", 104, true));
        assertThat(c.values().get("archive.local.dir").value()).isEqualTo("/srv/Daten\\Archiv");
        Map<String, String> removal = new HashMap<>();
        removal.put("pacs.main.tls", "");
        store.save(removal);
        assertThat(ConfigurationLoader.load(locations()).settings().pacsNodes().get(0).tls()).isFalse();
    }

    @Test
    void policiesAndInvalidValuesAreRefusedAndNothingIsWritten() {
        UserSettingsStore store = new UserSettingsStore(locations());
        assertThatThrownBy(() -> store.save(Map.of("autosend.enabled", "true")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("only the site file");
        assertThatThrownBy(() -> store.save(Map.of("pacs.main", "no-at-sign")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("pacs.main");
        assertThat(Files.exists(locations().userFile())).isFalse();
        assertThat(ConfigurationLoader.load(locations()).firstRun()).isTrue();
    }

    @Test
    void checkReturnsTheSettingsAsTheyWouldLoadWithoutWriting() {
        UserSettingsStore store = new UserSettingsStore(locations());
        store.save(Map.of("language", "de"));
        String before = read(locations().userFile());
        LoadedConfiguration preview = store.check(Map.of("commitment.port", "11112", "commitment.waitSeconds", "30"));
        assertThat(preview.settings().commitment().port()).hasValue(11112);
        assertThat(preview.settings().language().getLanguage()).isEqualTo("de");
        assertThat(read(locations().userFile())).isEqualTo(before);
        assertThatThrownBy(() -> store.check(Map.of("commitment.port", "0")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("commitment.port");
        assertThat(ConfigurationLoader.load(locations()).settings().commitment().enabled()).isFalse();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void initWritesALoadableTemplateOnce() throws Exception {
        UserSettingsStore store = new UserSettingsStore(locations());
        assertThat(store.init()).isTrue();
        assertThat(store.init()).isFalse();
        assertThat(Files.readString(locations().userFile())).startsWith("# ImportDesk user settings");
        assertThat(ConfigurationLoader.load(locations()).userFilePresent()).isTrue();
    }
}
