package org.importdesk.engine.reconcile;

import java.util.List;

/**
 * A candidate with its weighted score (0..1) and the reasons. A vetoed candidate (birth date or sex differ) is never
 * chosen, whatever its name score.
 */
public record ScoredCandidate(Candidate candidate, double score, double nameSimilarity, boolean vetoed,
                              List<String> reasons) {
}
