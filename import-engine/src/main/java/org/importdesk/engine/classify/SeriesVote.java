package org.importdesk.engine.classify;

/**
 * A network's vote for one series: the class it predicts and its calibrated confidence (softmax of logits / T).
 */
public record SeriesVote(String seriesInstanceUid, String classCode, double confidence) {
    public SeriesVote {
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence outside [0,1]: " + confidence);
        }
    }
}
