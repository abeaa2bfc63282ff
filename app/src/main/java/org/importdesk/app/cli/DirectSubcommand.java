package org.importdesk.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Arrays;
import java.util.Optional;

/**
 * The subcommand that the first argument names, built alone. Picocli reflects over every registered command class when
 * the whole {@link ImportDeskCommand} tree is built; for a short headless command such as {@code scan} that is a large
 * part of its start-up. Usage lines and messages stay those of {@code importdesk NAME}.
 */
public final class DirectSubcommand {
    private DirectSubcommand() {
    }

    /** A command line for {@code args[0]} and the arguments after it, or empty when it names no subcommand. */
    public static Optional<Invocation> of(String... args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        for (Class<?> type : ImportDeskCommand.class.getAnnotation(Command.class).subcommands()) {
            Command command = type.getAnnotation(Command.class);
            if (command != null && (command.name().equals(args[0]) || Arrays.asList(command.aliases()).contains(args[0]))) {
                CommandLine line = new CommandLine(type).setCommandName(rootName() + " " + args[0]);
                return Optional.of(new Invocation(line, Arrays.copyOfRange(args, 1, args.length)));
            }
        }
        return Optional.empty();
    }

    private static String rootName() {
        return ImportDeskCommand.class.getAnnotation(Command.class).name();
    }

    public record Invocation(CommandLine commandLine, String[] arguments) {
    }
}
