package org.importdesk.app.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * The {@code importdesk} command. Without a subcommand it opens the workstation. Exit codes: 0 done, 1 the work
 * failed, 2 usage error.
 */
@Command(name = "importdesk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "ImportDesk: import patient media into PACS, classified with MOMO.",
        subcommands = {
                GuiCommand.class,
                ClassifyCommand.class,
                ClassifyTextCommand.class,
                EvalCommand.class,
                ExperimentCommand.class,
                MappingCommand.class,
                ScanCommand.class,
                PreviewCommand.class,
                BenchCommand.class,
                ConfigCommand.class,
                TrainCommand.class,
                ModelsCommand.class,
                ImportCommand.class,
                EchoCommand.class,
                WorklistCommand.class,
        })
public final class ImportDeskCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return new GuiCommand().call();
    }
}
