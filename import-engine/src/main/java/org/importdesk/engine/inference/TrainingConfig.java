package org.importdesk.engine.inference;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Training settings. Defaults are the paper's: batch 24, learning rate 1e-4 decaying by 0.98 per epoch, weight decay
 * 1e-4 (Adam), last incomplete batch dropped, flips and 90-degree rotations each with p = 0.2; on a backbone only the
 * last block and the classifier are trained.
 *
 * @param folds    k >= 4: k-fold cross-validation (fold i tests, fold i+1 validates, the other k-2 train, so at least
 *                 half the data trains; the model of fold 1 is kept); 1: one stratified 70/15/15 split
 * @param backbone a model folder whose weights start the training (fine-tuning); empty: train from scratch
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, double learningRateDecay,
                             double weightDecay, double augmentProbability, int folds, long seed,
                             Optional<Path> backbone) {

    public static final TrainingConfig PAPER = new TrainingConfig(20, 24, 1e-4, 0.98, 1e-4, 0.2, 1, 42,
            Optional.empty());

    public TrainingConfig {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be positive");
        }
        if (folds != 1 && folds < 4) {
            throw new IllegalArgumentException("folds must be 1 (single split) or at least 4, not " + folds);
        }
        if (!(learningRate > 0) || augmentProbability < 0 || augmentProbability > 1) {
            throw new IllegalArgumentException("learning rate must be > 0 and augment probability in [0,1]");
        }
    }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(e, batchSize, learningRate, learningRateDecay, weightDecay, augmentProbability,
                folds, seed, backbone);
    }

    public TrainingConfig withLearningRate(double lr) {
        return new TrainingConfig(epochs, batchSize, lr, learningRateDecay, weightDecay, augmentProbability, folds,
                seed, backbone);
    }

    public TrainingConfig withFolds(int k) {
        return new TrainingConfig(epochs, batchSize, learningRate, learningRateDecay, weightDecay, augmentProbability,
                k, seed, backbone);
    }

    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(epochs, b, learningRate, learningRateDecay, weightDecay, augmentProbability, folds,
                seed, backbone);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(epochs, batchSize, learningRate, learningRateDecay, weightDecay, augmentProbability,
                folds, s, backbone);
    }

    public TrainingConfig withBackbone(Path dir) {
        return new TrainingConfig(epochs, batchSize, learningRate, learningRateDecay, weightDecay, augmentProbability,
                folds, seed, Optional.ofNullable(dir));
    }

    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("optimizer", "Adam");
        m.put("epochs", Integer.toString(epochs));
        m.put("batchSize", Integer.toString(batchSize));
        m.put("learningRate", Double.toString(learningRate));
        m.put("learningRateDecayPerEpoch", Double.toString(learningRateDecay));
        m.put("weightDecay", Double.toString(weightDecay));
        m.put("augmentation", "horizontal flip, vertical flip, rotation by 90/180/270 degrees, each p=" + augmentProbability);
        m.put("lastBatch", "dropped");
        m.put("folds", Integer.toString(folds));
        m.put("seed", Long.toString(seed));
        m.put("backbone", backbone.map(Path::toString).orElse("none (trained from scratch)"));
        return m;
    }
}
