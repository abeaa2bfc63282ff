package org.importdesk.engine.inference;

import java.util.List;

/**
 * A network's answer for one input: the raw logits, the calibrated probabilities (softmax of logits / T) in the order
 * of the manifest's class codes, and the winning class with its confidence.
 */
public record Prediction(String classCode, double confidence, List<String> classCodes, float[] logits,
                         double[] probabilities) {
}
