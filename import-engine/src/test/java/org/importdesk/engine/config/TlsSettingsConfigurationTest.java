package org.importdesk.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tls.* keys: paths resolved and validated, stores paired with passwords, layered as one group, never shown. */
class TlsSettingsConfigurationTest {
    @TempDir
    Path tmp;

    private ConfigLocations locations() {
        return new ConfigLocations(AppDirectories.under(tmp.resolve("user")), tmp.resolve("etc/site.properties"));
    }

    private LoadedConfiguration layer(Map<String, String> site, Map<String, String> user) {
        return ConfigurationLoader.layer(locations(), Optional.ofNullable(site), Optional.ofNullable(user));
    }

    @Test
    void withoutKeysTheJvmDefaultsApply() {
        TlsSettings tls = layer(null, null).settings().tls();
        assertThat(tls.configured()).isFalse();
        assertThat(tls.keyStore()).isEmpty();
        assertThat(tls.trustStore()).isEmpty();
    }

    @Test
    void keyAndTrustStoresAreReadWithPlaceholdersAndThePasswordsStayOutOfToString() {
        TlsSettings tls = layer(Map.of("tls.keyStore", "${config}/desk1.p12", "tls.keyStorePassword", "s3cret",
                "tls.trustStore", "/etc/importdesk/pacs-ca.p12", "tls.trustStorePassword", "tru5t"), null)
                .settings().tls();
        assertThat(tls.keyStore()).contains(tmp.resolve("user/config/desk1.p12"));
        assertThat(tls.keyStorePassword()).isEqualTo("s3cret");
        assertThat(tls.trustStore()).contains(Path.of("/etc/importdesk/pacs-ca.p12"));
        assertThat(tls.trustStorePassword()).isEqualTo("tru5t");
        assertThat(tls.toString()).doesNotContain("s3cret").doesNotContain("tru5t").contains("desk1.p12");
        assertThat(SettingKeys.isSecret(SettingKeys.TLS_KEY_STORE_PASSWORD)).isTrue();
        assertThat(SettingKeys.isSecret(SettingKeys.TLS_KEY_STORE)).isFalse();
    }

    @Test
    void aStoreWithoutItsPasswordOrAPasswordWithoutItsStoreIsAProblemNamingTheKeys() {
        assertThatThrownBy(() -> layer(Map.of("tls.keyStore", "/etc/importdesk/desk1.p12",
                "tls.trustStorePassword", "x"), null))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key, ConfigProblem::message).containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("tls.keyStore",
                                        "is set but tls.keyStorePassword is missing (PKCS#12 stores need a password)"),
                                org.assertj.core.groups.Tuple.tuple("tls.trustStorePassword",
                                        "is set but tls.trustStore is missing")));
        assertThatThrownBy(() -> layer(Map.of("tls.keyStore", "desk1.p12", "tls.keyStorePassword", "x"), null))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.key()).isEqualTo("tls.keyStore");
                            assertThat(p.message()).contains("is not an absolute path");
                        }));
    }

    @Test
    void theSiteFilesTlsKeysWinAsAGroupSoAUserPasswordNeverPairsWithTheSiteStore() {
        LoadedConfiguration c = layer(Map.of("tls.trustStore", "/etc/importdesk/ca.p12", "tls.trustStorePassword", "a"),
                Map.of("tls.keyStore", "/home/u/mine.p12", "tls.keyStorePassword", "b"));
        assertThat(c.settings().tls().keyStore()).isEmpty();
        assertThat(c.settings().tls().trustStore()).contains(Path.of("/etc/importdesk/ca.p12"));
        assertThat(c.warnings()).anyMatch(w -> w.contains("tls.keyStore ignored"));
        // without site TLS keys, the user's own apply
        LoadedConfiguration mine = layer(Map.of(), Map.of("tls.keyStore", "/home/u/mine.p12",
                "tls.keyStorePassword", "b"));
        assertThat(mine.settings().tls().keyStore()).contains(Path.of("/home/u/mine.p12"));
    }
}
