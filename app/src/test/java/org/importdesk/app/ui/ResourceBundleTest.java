package org.importdesk.app.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** English and German carry the same keys, and every %key an FXML screen names exists. */
class ResourceBundleTest {

    private static final List<String> SCREENS = List.of("main", "source", "medium", "study", "classification", "patient",
            "import", "history", "mapping", "settings");

    @Test
    void englishAndGermanHaveTheSameKeys() {
        ResourceBundle en = ResourceBundle.getBundle(Workstation.BUNDLE, Locale.ROOT);
        ResourceBundle de = ResourceBundle.getBundle(Workstation.BUNDLE, Locale.GERMAN);
        assertThat(de.getLocale().getLanguage()).isEqualTo("de");
        assertThat(de.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
        assertThat(de.getString("source.title")).isEqualTo("Quelle");
        assertThat(de.getString("source.openFolder")).isEqualTo("Ordner öffnen…");
    }

    @Test
    void everyKeyTheScreensUseExists() throws IOException {
        ResourceBundle en = ResourceBundle.getBundle(Workstation.BUNDLE, Locale.ROOT);
        Set<String> used = new HashSet<>();
        Pattern key = Pattern.compile("\"%([a-zA-Z0-9.]+)\"");
        for (String screen : SCREENS) {
            try (InputStream in = Workstation.class.getResourceAsStream("/org/importdesk/app/ui/" + screen + ".fxml")) {
                assertThat(in).as(screen + ".fxml").isNotNull();
                Matcher m = key.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (Screen s : Screen.values()) {
            used.add(s.id() + ".title");
        }
        assertThat(used).isNotEmpty().allSatisfy(k -> assertThat(en.containsKey(k)).as(k).isTrue());
    }
}
