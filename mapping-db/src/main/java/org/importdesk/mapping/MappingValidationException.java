package org.importdesk.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** A save refused because the content has errors. */
public final class MappingValidationException extends RuntimeException {
    private final transient List<ValidationFinding> findings;

    public MappingValidationException(List<ValidationFinding> findings) {
        super("mapping content refused: " + findings.stream()
                .filter(f -> f.severity() == ValidationFinding.Severity.ERROR)
                .map(ValidationFinding::toString).collect(Collectors.joining("; ")));
        this.findings = List.copyOf(findings);
    }

    public List<ValidationFinding> findings() {
        return findings;
    }
}
