package org.importdesk.app;

import org.importdesk.app.cli.DirectSubcommand;
import org.importdesk.app.cli.ImportDeskCommand;
import org.importdesk.engine.config.AppDirectories;
import org.importdesk.engine.config.NativeRuntimeDefaults;
import picocli.CommandLine;

import java.util.Optional;

/** Entry point of the {@code importdesk} command. Not an {@code Application}: JavaFX starts only for {@code gui}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        AppDirectories dirs = AppDirectories.forCurrentUser();
        NativeRuntimeDefaults.apply(dirs);
        if (args.length == 0 || args[0].equals("gui")) {
            try {
                GuiLogFile.teeStandardError(dirs.logs());
            } catch (java.io.IOException | RuntimeException e) {
                System.err.println("ImportDesk: no log file in " + dirs.logs() + ": " + e.getMessage());
            }
        }
        System.exit(run(args));
    }

    public static int run(String... args) {
        Optional<DirectSubcommand.Invocation> direct = DirectSubcommand.of(args);
        if (direct.isPresent()) {
            return direct.get().commandLine().setCaseInsensitiveEnumValuesAllowed(true)
                    .execute(direct.get().arguments());
        }
        return new CommandLine(new ImportDeskCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
