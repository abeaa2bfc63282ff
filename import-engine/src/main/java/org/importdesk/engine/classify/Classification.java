package org.importdesk.engine.classify;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the classifier decided for one study and why.
 *
 * @param classCode  the class, empty when there is no prediction
 * @param confidence 0..1
 * @param decider    the deciding layer: procedure-code, exact-description, keyword, series-vote, single-class,
 *                   pet-default, network, merged, or none
 */
public record Classification(String studyInstanceUid, Optional<String> classCode, double confidence, String decider,
                             Evidence evidence) {

    public static final String NONE = "none";

    /**
     * @param matches     which tag value matched which keyword of which class
     * @param votes       the votes per class that decided (after rules), when a vote decided
     * @param rulesApplied the vote rules that changed the votes, in order
     * @param notes       other steps: modality remap, PET map, tie breaks
     */
    public record Evidence(List<KeywordMatch> matches, Map<String, Double> votes, List<String> rulesApplied,
                           List<String> notes) {
        public Evidence {
            matches = List.copyOf(matches);
            votes = Map.copyOf(votes);
            rulesApplied = List.copyOf(rulesApplied);
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param source  where the text came from, e.g. "StudyDescription" or "SeriesDescription[3]"
     * @param value   the tag's value
     * @param keyword the keyword that matched
     * @param partial whether the match needed typo tolerance
     */
    public record KeywordMatch(String source, String value, String keyword, String classCode, boolean partial) {
    }
}
