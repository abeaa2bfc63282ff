package org.importdesk.engine.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration cannot be used; {@link #problems()} lists every problem found, not just the first. */
public final class InvalidConfigurationException extends RuntimeException {
    private final List<ConfigProblem> problems;

    public InvalidConfigurationException(List<ConfigProblem> problems) {
        super("invalid ImportDesk configuration:\n  " + problems.stream().map(ConfigProblem::toString)
                .collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
