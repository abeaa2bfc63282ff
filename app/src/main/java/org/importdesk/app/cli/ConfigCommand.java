package org.importdesk.app.cli;

import org.importdesk.engine.config.ConfigLocations;
import org.importdesk.engine.config.ConfigurationLoader;
import org.importdesk.engine.config.EffectiveValue;
import org.importdesk.engine.config.InvalidConfigurationException;
import org.importdesk.engine.config.LoadedConfiguration;
import org.importdesk.engine.config.PinHash;
import org.importdesk.engine.config.UserSettingsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** `importdesk config show|init|site-example|hash-pin`: the layered settings and the files they come from. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Show or create the configuration (defaults < site file < user file).")
public final class ConfigCommand {
    @Spec
    CommandSpec spec;

    @Command(name = "show", description = "Print the effective settings, where each comes from, and the files and folders used.")
    int show() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigLocations loc = ConfigLocations.forCurrentUser();
        out.println("site file:   " + loc.siteFile() + (java.nio.file.Files.exists(loc.siteFile()) ? "" : " (absent)"));
        out.println("user file:   " + loc.userFile() + (java.nio.file.Files.exists(loc.userFile()) ? "" : " (absent)"));
        out.println("data:        " + loc.directories().data());
        out.println("cache:       " + loc.directories().cache());
        out.println("logs:        " + loc.directories().logs());
        try {
            LoadedConfiguration c = ConfigurationLoader.load(loc);
            if (c.firstRun()) {
                out.println("first run: nothing configured, the built-in defaults apply (embedded H2 file, local archive)");
            }
            for (EffectiveValue v : c.values().values()) {
                String value = v.key().equals("roles.teamLeadPinHash")
                        || org.importdesk.engine.config.SettingKeys.isSecret(v.key()) ? "(set)" : v.value();
                out.printf("%-24s = %-50s [%s]%n", v.key(), value, v.source().name().toLowerCase());
            }
            out.println("sends to:    " + (c.settings().usesLocalArchive() ? "local archive " + c.settings().localArchive()
                    : c.settings().defaultPacs().orElseThrow()));
            c.warnings().forEach(w -> err.println("warning: " + w));
            out.flush();
            return 0;
        } catch (InvalidConfigurationException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    @Command(name = "init", description = "Create the user file (commented template) unless it exists.")
    int init() {
        ConfigLocations loc = ConfigLocations.forCurrentUser();
        boolean written = new UserSettingsStore(loc).init();
        spec.commandLine().getOut().println((written ? "created " : "exists, left unchanged: ") + loc.userFile());
        return 0;
    }

    @Command(name = "set", description = "Change the user file: KEY=VALUE (empty VALUE removes the key). "
            + "Only keys a user may set; the result is validated before it is written.")
    int set(@picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "KEY=VALUE") java.util.List<String> assignments) {
        java.util.Map<String, String> changes = new java.util.LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                spec.commandLine().getErr().println("not KEY=VALUE: " + a);
                return 2;
            }
            changes.put(a.substring(0, eq).trim(), a.substring(eq + 1));
        }
        ConfigLocations loc = ConfigLocations.forCurrentUser();
        try {
            LoadedConfiguration c = new UserSettingsStore(loc).save(changes);
            spec.commandLine().getOut().println("saved " + loc.userFile());
            c.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            return 0;
        } catch (InvalidConfigurationException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }

    @Command(name = "site-example", description = "Print a commented site.properties for administrators.")
    int siteExample() throws IOException {
        try (InputStream in = ConfigurationLoader.class.getResourceAsStream("site.properties.example")) {
            spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    @Command(name = "hash-pin", description = "Read a team-lead PIN (twice) and print the value for roles.teamLeadPinHash.")
    int hashPin() throws IOException {
        char[] pin;
        char[] again;
        Console console = System.console();
        if (console != null) {
            pin = console.readPassword("PIN: ");
            again = console.readPassword("again: ");
        } else {
            java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
            String a = r.readLine();
            String b = r.readLine();
            pin = a == null ? new char[0] : a.toCharArray();
            again = b == null ? new char[0] : b.toCharArray();
        }
        try {
            if (!Arrays.equals(pin, again)) {
                spec.commandLine().getErr().println("the two PINs differ");
                return 2;
            }
            spec.commandLine().getOut().println("roles.teamLeadPinHash=" + PinHash.create(pin).format());
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        } finally {
            Arrays.fill(pin, '\0');
            Arrays.fill(again, '\0');
        }
    }
}
