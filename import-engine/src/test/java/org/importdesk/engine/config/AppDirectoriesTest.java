package org.importdesk.engine.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppDirectoriesTest {
    private static final Path HOME = Path.of("/home/anna");

    private static Environment linux(Map<String, String> vars, Map<String, String> props) {
        return new Environment(OperatingSystem.LINUX, vars, props, HOME);
    }

    @Test
    void linuxUsesTheXdgDefaultsUnderTheHome() {
        AppDirectories d = AppDirectories.resolve(linux(Map.of(), Map.of()));
        assertThat(d.config()).isEqualTo(Path.of("/home/anna/.config/importdesk"));
        assertThat(d.data()).isEqualTo(Path.of("/home/anna/.local/share/importdesk"));
        assertThat(d.cache()).isEqualTo(Path.of("/home/anna/.cache/importdesk"));
        assertThat(d.logs()).isEqualTo(Path.of("/home/anna/.local/state/importdesk/logs"));
        assertThat(d.userSettingsFile()).isEqualTo(Path.of("/home/anna/.config/importdesk/user.properties"));
        assertThat(d.djlCache()).isEqualTo(Path.of("/home/anna/.cache/importdesk/djl"));
    }

    @Test
    void linuxFollowsXdgVariablesButIgnoresRelativeOnes() {
        AppDirectories d = AppDirectories.resolve(linux(Map.of(
                "XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "relative/data", "XDG_CACHE_HOME", "/var/cache/anna",
                "XDG_STATE_HOME", ""), Map.of()));
        assertThat(d.config()).isEqualTo(Path.of("/cfg/importdesk"));
        assertThat(d.data()).isEqualTo(Path.of("/home/anna/.local/share/importdesk"));
        assertThat(d.cache()).isEqualTo(Path.of("/var/cache/anna/importdesk"));
        assertThat(d.logs()).isEqualTo(Path.of("/home/anna/.local/state/importdesk/logs"));
    }

    @Test
    void windowsPutsConfigurationInRoamingAppDataAndTheRestInLocalAppData() {
        AppDirectories d = AppDirectories.resolve(new Environment(OperatingSystem.WINDOWS,
                Map.of("APPDATA", "/C/Users/anna/AppData/Roaming", "LOCALAPPDATA", "/C/Users/anna/AppData/Local"),
                Map.of(), Path.of("/C/Users/anna")));
        assertThat(d.config()).isEqualTo(Path.of("/C/Users/anna/AppData/Roaming/ImportDesk"));
        assertThat(d.data()).isEqualTo(Path.of("/C/Users/anna/AppData/Local/ImportDesk/data"));
        assertThat(d.cache()).isEqualTo(Path.of("/C/Users/anna/AppData/Local/ImportDesk/cache"));
        assertThat(d.logs()).isEqualTo(Path.of("/C/Users/anna/AppData/Local/ImportDesk/logs"));
    }

    @Test
    void thePropertyWinsOverTheVariableAndPutsEverythingUnderOneFolder() {
        AppDirectories d = AppDirectories.resolve(linux(Map.of("IMPORTDESK_HOME", "/from/env", "XDG_CONFIG_HOME", "/cfg"),
                Map.of("importdesk.home", "/from/property")));
        assertThat(d).isEqualTo(AppDirectories.under(Path.of("/from/property")));
        assertThat(AppDirectories.resolve(linux(Map.of("IMPORTDESK_HOME", "/from/env"), Map.of())).data())
                .isEqualTo(Path.of("/from/env/data"));
    }

    @Test
    void siteFileIsInEtcOnLinuxAndProgramDataOnWindowsUnlessOverridden() {
        assertThat(ConfigLocations.resolve(linux(Map.of(), Map.of())).siteFile())
                .isEqualTo(Path.of("/etc/importdesk/site.properties"));
        assertThat(ConfigLocations.resolve(new Environment(OperatingSystem.WINDOWS, Map.of("ProgramData", "/D/PD"),
                Map.of(), HOME)).siteFile()).isEqualTo(Path.of("/D/PD/ImportDesk/site.properties"));
        assertThat(ConfigLocations.resolve(linux(Map.of("IMPORTDESK_SITE_CONFIG", "/x/site.properties"), Map.of()))
                .siteFile()).isEqualTo(Path.of("/x/site.properties"));
    }

    @Test
    void theHomeVariableWinsOverJavasUserHomeExceptOnWindows() {
        assertThat(Environment.userHome(OperatingSystem.LINUX, "/tmp/ci-home", "/root")).isEqualTo(Path.of("/tmp/ci-home"));
        assertThat(Environment.userHome(OperatingSystem.LINUX, "relative", "/root")).isEqualTo(Path.of("/root"));
        assertThat(Environment.userHome(OperatingSystem.LINUX, null, "/root")).isEqualTo(Path.of("/root"));
        assertThat(Environment.userHome(OperatingSystem.WINDOWS, "/x", "/C/Users/anna")).isEqualTo(Path.of("/C/Users/anna"));
    }

    @Test
    void osNamesMapToFamilies() {
        assertThat(OperatingSystem.fromOsName("Windows 11")).isEqualTo(OperatingSystem.WINDOWS);
        assertThat(OperatingSystem.fromOsName("Mac OS X")).isEqualTo(OperatingSystem.MAC);
        assertThat(OperatingSystem.fromOsName("Linux")).isEqualTo(OperatingSystem.LINUX);
    }

    @Test
    void modelsComeFromThePackagePropertyElseTheRepository() {
        assertThat(InstallLayout.modelsDirectory(linux(Map.of(), Map.of("importdesk.models", "/opt/importdesk/lib/app/models",
                "importdesk.root", "/repo")))).isEqualTo(Path.of("/opt/importdesk/lib/app/models"));
        assertThat(InstallLayout.modelsDirectory(linux(Map.of(), Map.of("importdesk.root", "/repo"))))
                .isEqualTo(Path.of("/repo/models"));
    }
}
