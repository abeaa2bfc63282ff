package org.importdesk.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageCommitmentSettingsTest {
    @TempDir
    Path tmp;

    private LoadedConfiguration layer(Map<String, String> site) {
        return ConfigurationLoader.layer(new ConfigLocations(AppDirectories.under(tmp.resolve("user")),
                tmp.resolve("site.properties")), Optional.of(site), Optional.empty());
    }

    @Test
    void offUnlessAPortIsConfigured() {
        StorageCommitmentSettings off = layer(Map.of()).settings().commitment();
        assertThat(off.enabled()).isFalse();
        assertThat(off.timeout()).isEqualTo(Duration.ofSeconds(60));
        StorageCommitmentSettings on = layer(Map.of("commitment.port", "11113", "commitment.waitSeconds", "90"))
                .settings().commitment();
        assertThat(on.port()).isEqualTo(OptionalInt.of(11113));
        assertThat(on.timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void badValuesAreProblemsNamingKeyAndValue() {
        assertThatThrownBy(() -> layer(Map.of("commitment.port", "70000", "commitment.waitSeconds", "soon")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key, ConfigProblem::message).containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("commitment.port", "'70000': is outside 1..65535"),
                                org.assertj.core.groups.Tuple.tuple("commitment.waitSeconds",
                                        "'soon': is not a whole number")));
    }
}
