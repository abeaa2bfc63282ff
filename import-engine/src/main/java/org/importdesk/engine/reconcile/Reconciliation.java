package org.importdesk.engine.reconcile;

import java.util.List;
import java.util.Optional;

/** Candidates ranked best first, the automatic choice when there is one, and why (not). */
public record Reconciliation(List<ScoredCandidate> ranked, Optional<ScoredCandidate> chosen, String explanation) {
}
