package org.importdesk.app.cli;

import javafx.application.Application;
import org.importdesk.app.ui.ImportDeskApplication;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the import workstation (the default).")
public final class GuiCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Application.launch(ImportDeskApplication.class);
        return 0;
    }
}
