package org.importdesk.app;

import org.importdesk.app.cli.ImportDeskCommand;
import org.importdesk.engine.config.AppDirectories;
import org.importdesk.engine.config.NativeRuntimeDefaults;
import picocli.CommandLine;

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
        return new CommandLine(new ImportDeskCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
