package org.importdesk.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DirectSubcommandTest {

    @Test
    void everyRegisteredSubcommandIsFoundAloneWithTheSameUsageAsInTheWholeTree() {
        CommandLine whole = new CommandLine(new ImportDeskCommand());
        for (Class<?> type : ImportDeskCommand.class.getAnnotation(Command.class).subcommands()) {
            String name = type.getAnnotation(Command.class).name();
            DirectSubcommand.Invocation direct = DirectSubcommand.of(name, "--x", "y").orElseThrow();
            assertThat(direct.commandLine().getCommand().getClass()).isEqualTo(type);
            assertThat(direct.arguments()).containsExactly("--x", "y");
            assertThat(direct.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF))
                    .as(name).isEqualTo(whole.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
    }

    @Test
    void optionsAndUnknownNamesGoToTheWholeTree() {
        assertThat(DirectSubcommand.of()).isEmpty();
        assertThat(DirectSubcommand.of("--help")).isEmpty();
        assertThat(DirectSubcommand.of("no-such-command", "x")).isEmpty();
        assertThat(Arrays.asList(DirectSubcommand.of("scan").orElseThrow().arguments())).isEmpty();
    }
}
