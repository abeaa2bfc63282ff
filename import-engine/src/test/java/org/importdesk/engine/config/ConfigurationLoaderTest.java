package org.importdesk.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationLoaderTest {
    @TempDir
    Path tmp;

    private ConfigLocations locations() {
        return new ConfigLocations(AppDirectories.under(tmp.resolve("user")), tmp.resolve("etc/site.properties"));
    }

    private LoadedConfiguration layer(Map<String, String> site, Map<String, String> user) {
        return ConfigurationLoader.layer(locations(), Optional.ofNullable(site), Optional.ofNullable(user));
    }

    private void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void nothingConfiguredIsAFirstRunWithEmbeddedDefaults() {
        LoadedConfiguration c = ConfigurationLoader.load(locations());
        assertThat(c.firstRun()).isTrue();
        ImportDeskSettings s = c.settings();
        Path data = tmp.resolve("user/data");
        assertThat(s.databaseUrl()).isEqualTo("jdbc:h2:file:" + data.resolve("db/importdesk"));
        assertThat(s.localArchive()).isEqualTo(data.resolve("archive"));
        assertThat(s.usesLocalArchive()).isTrue();
        assertThat(s.inferenceDevice()).isEqualTo(InferenceDevice.CPU);
        assertThat(s.autoSend().enabled()).isFalse();
        assertThat(s.language()).isEqualTo(Locale.ENGLISH);
        assertThat(s.stationAeTitle()).isEqualTo("IMPORTDESK");
        assertThat(c.values().get("database.url").source()).isEqualTo(SettingSource.DEFAULT);
    }

    @Test
    void siteFileOverridesTheDefaults() throws Exception {
        write(locations().siteFile(), """
                station.aet=DESK3
                pacs.main=PACS@pacs.example.org:11112
                pacs.main.tls=true
                pacs.backup=BACKUP@[fd00::12]:104
                pacs.default=main
                worklist.ris=RIS@ris:1104
                roles.teamLeads=Alice, bob
                language=de
                autosend.enabled=yes
                autosend.minConfidence=0.9
                database.url=jdbc:h2:tcp://db.example.org:9092/importdesk
                inference.device=gpu
                """);
        LoadedConfiguration c = ConfigurationLoader.load(locations());
        ImportDeskSettings s = c.settings();
        assertThat(c.firstRun()).isFalse();
        assertThat(s.stationAeTitle()).isEqualTo("DESK3");
        assertThat(s.pacsNodes()).containsExactly(
                new DicomNode("main", "PACS", "pacs.example.org", 11112, true),
                new DicomNode("backup", "BACKUP", "fd00::12", 104, false));
        assertThat(s.defaultPacs()).map(DicomNode::name).contains("main");
        assertThat(s.usesLocalArchive()).isFalse();
        assertThat(s.worklistNodes()).containsExactly(new DicomNode("ris", "RIS", "ris", 1104, false));
        assertThat(s.roles().isTeamLead("alice")).isTrue();
        assertThat(s.roles().isTeamLead("BOB")).isTrue();
        assertThat(s.roles().isTeamLead("carol")).isFalse();
        assertThat(s.language()).isEqualTo(Locale.GERMAN);
        assertThat(s.autoSend().allows(0.91)).isTrue();
        assertThat(s.autoSend().allows(0.89)).isFalse();
        assertThat(s.databaseUrl()).isEqualTo("jdbc:h2:tcp://db.example.org:9092/importdesk");
        assertThat(s.inferenceDevice()).isEqualTo(InferenceDevice.GPU);
        assertThat(c.values().get("pacs.main").source()).isEqualTo(SettingSource.SITE);
    }

    @Test
    void theUsersLanguageWinsButConnectionsAndPoliciesOfTheSiteDoNot() {
        LoadedConfiguration c = layer(
                Map.of("language", "de", "pacs.main", "PACS@pacs:104", "autosend.enabled", "false",
                        "database.url", "jdbc:h2:tcp://db/x"),
                Map.of("language", "fr", "pacs.mine", "MINE@localhost:4242", "pacs.main", "EVIL@evil:104",
                        "autosend.enabled", "true", "autosend.minConfidence", "0.1", "roles.teamLeads", "mallory",
                        "database.url", "jdbc:h2:mem:x"));
        ImportDeskSettings s = c.settings();
        assertThat(s.language()).isEqualTo(Locale.FRENCH);
        assertThat(s.pacsNodes()).extracting(DicomNode::spec).containsExactly("PACS@pacs:104");
        assertThat(s.autoSend().enabled()).isFalse();
        assertThat(s.autoSend().minimumConfidence()).isEqualTo(0.95);
        assertThat(s.roles().isTeamLead("mallory")).isFalse();
        assertThat(s.databaseUrl()).isEqualTo("jdbc:h2:tcp://db/x");
        assertThat(c.warnings()).hasSize(6)
                .anyMatch(w -> w.contains("roles.teamLeads") && w.contains("only the site file"))
                .anyMatch(w -> w.contains("pacs.mine") && w.contains("the site file sets the pacs nodes"));
    }

    @Test
    void theUserConfiguresConnectionsTheSiteLeavesOpen() {
        LoadedConfiguration c = layer(Map.of("language", "de"),
                Map.of("pacs.home", "HOME@127.0.0.1:4242", "station.aet", "MYDESK", "inference.device", "GPU",
                        "archive.local.dir", "${data}/elsewhere"));
        assertThat(c.settings().pacsNodes()).extracting(DicomNode::spec).containsExactly("HOME@127.0.0.1:4242");
        assertThat(c.settings().stationAeTitle()).isEqualTo("MYDESK");
        assertThat(c.settings().inferenceDevice()).isEqualTo(InferenceDevice.GPU);
        assertThat(c.settings().localArchive()).isEqualTo(tmp.resolve("user/data/elsewhere"));
        assertThat(c.values().get("station.aet").source()).isEqualTo(SettingSource.USER);
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void everyInvalidValueIsReportedWithItsFileAndKey() {
        assertThatThrownBy(() -> layer(Map.of(
                        "pacs.main", "PACS@host",
                        "worklist.ris", "RIS@ris:99999",
                        "worklist.ghost.tls", "true",
                        "station.aet", "THIS-AE-TITLE-IS-TOO-LONG",
                        "autosend.minConfidence", "1.5",
                        "inference.device", "TPU",
                        "language", "xx-nonsense-",
                        "database.url", "h2:file:/x"),
                Map.of("autosend.minConfidense", "0.5")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    String site = tmp.resolve("etc/site.properties").toString();
                    String user = tmp.resolve("user/config/user.properties").toString();
                    assertThat(e.problems()).extracting(ConfigProblem::toString).contains(
                            user + ": autosend.minConfidense: unknown setting (did you mean autosend.minConfidence?)");
                    // unknown keys are reported first; fix them and the values are checked
                });
        assertThatThrownBy(() -> layer(Map.of(
                        "pacs.main", "PACS@host",
                        "worklist.ris", "RIS@ris:99999",
                        "worklist.ghost.tls", "true",
                        "station.aet", "THIS-AE-TITLE-IS-TOO-LONG",
                        "autosend.minConfidence", "1.5",
                        "inference.device", "TPU",
                        "language", "zz",
                        "database.url", "h2:file:/x"), null))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    String site = tmp.resolve("etc/site.properties").toString();
                    assertThat(e.problems()).hasSize(8).allMatch(p -> p.where().equals(site));
                    assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                            "pacs.main", "worklist.ris", "worklist.ghost.tls", "station.aet",
                            "autosend.minConfidence", "inference.device", "language", "database.url");
                    assertThat(e.getMessage())
                            .contains("pacs.main: 'PACS@host': is not AET@host:port (port missing)")
                            .contains("worklist.ris: 'RIS@ris:99999': port 99999 is outside 1..65535")
                            .contains("worklist.ghost.tls: is set but worklist.ghost (AET@host:port) is missing")
                            .contains("autosend.minConfidence: '1.5': must be between 0 and 1")
                            .contains("inference.device: 'TPU': 'TPU' is neither CPU nor GPU");
                });
    }

    @Test
    void aBadValueInTheUserFileNamesTheUserFile() {
        assertThatThrownBy(() -> layer(null, Map.of("pacs.home", "HOME@:104")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e ->
                        assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.where()).endsWith("user.properties");
                            assertThat(p.key()).isEqualTo("pacs.home");
                        }));
    }

    @Test
    void pacsDefaultMustNameANode() {
        assertThatThrownBy(() -> layer(Map.of("pacs.a", "A@a:1", "pacs.default", "b"), null))
                .hasMessageContaining("pacs.default: names 'b' but there is no pacs.b");
    }

    @Test
    void unknownPlaceholdersAreErrors() {
        assertThatThrownBy(() -> layer(Map.of("archive.local.dir", "${dat}/archive"), null))
                .hasMessageContaining("unknown placeholder ${dat}");
    }

    @Test
    void aTeamLeadPinFromTheSiteUnlocksOnlyWithThatPin() {
        String hash = PinHash.create("4711".toCharArray()).format();
        Roles roles = layer(Map.of("roles.teamLeadPinHash", hash), null).settings().roles();
        assertThat(roles.pinUnlocksTeamLead("4711".toCharArray())).isTrue();
        assertThat(roles.pinUnlocksTeamLead("4712".toCharArray())).isFalse();
        assertThatThrownBy(() -> layer(Map.of("roles.teamLeadPinHash", "sha1:abc"), null))
                .hasMessageContaining("roles.teamLeadPinHash: 'sha1:abc': is not pbkdf2-sha256");
    }

    @Test
    void aFileThatIsNotUtf8PropertiesIsReported() throws Exception {
        write(locations().siteFile(), "pacs.main=PACS@host:104\nlanguage=\\u12\n");
        assertThatThrownBy(() -> ConfigurationLoader.load(locations()))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e ->
                        assertThat(e.problems()).singleElement().satisfies(p ->
                                assertThat(p.message()).startsWith("cannot be read as UTF-8 properties")));
    }

    @Test
    void theShippedSiteExampleLoadsAndSetsNothing() throws Exception {
        try (var in = ConfigurationLoader.class.getResourceAsStream("site.properties.example")) {
            assertThat(in).isNotNull();
            write(locations().siteFile(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        LoadedConfiguration c = ConfigurationLoader.load(locations());
        assertThat(c.siteFilePresent()).isTrue();
        assertThat(c.values().values()).allMatch(v -> v.source() == SettingSource.DEFAULT);
    }
}
