package org.importdesk.engine.classify;

import org.importdesk.engine.media.StudyRecord;

import java.util.List;

/**
 * MOMO's network layer as the classifier sees it: one vote per series that may vote (blacklisted series and
 * votes under the threshold are already left out). Implemented by the inference package.
 */
public interface NetworkVoter {

    List<SeriesVote> votes(StudyRecord study);

    /** A voter for when no model is installed: the classifier then decides on metadata alone. */
    NetworkVoter NONE = study -> List.of();
}
