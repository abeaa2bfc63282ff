package org.importdesk.engine.inference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelTrainerTest {

    private static final ModelManifest.Provenance PROVENANCE = new ModelManifest.Provenance("constructed blobs/rings",
            List.of("test"), "none", "test", "now", Map.of());

    @Test
    void trainingLowersTheLossAndWritesAVerifiableModel(@TempDir Path dir) throws Exception {
        LabelledInputs data = TinyData.blobsAndRings(60, 16, 1);
        TrainingConfig config = TrainingConfig.PAPER.withEpochs(4).withBatchSize(8).withLearningRate(3e-3);
        List<String> log = new ArrayList<>();
        ModelTrainer.Result result = new ModelTrainer(log::add).train(data, "tiny", "CT", PROVENANCE, config,
                dir.resolve("tiny"));

        List<Double> losses = result.folds().get(0).epochLosses();
        assertThat(losses).hasSize(4);
        assertThat(losses.get(3)).isLessThan(losses.get(0) * 0.7);
        assertThat(result.manifest().metrics().testAccuracy()).isGreaterThan(0.85);
        assertThat(result.reliabilityDiagram()).isRegularFile();
        assertThat(Files.readString(dir.resolve("tiny").resolve(ModelCard.FILE_NAME)))
                .contains("BLOB, RING", "own studies", result.manifest().weightsSha256());

        // the written model loads, its hash verifies, and it reproduces the trainer's test predictions
        ModelRepository repository = new ModelRepository(dir);
        assertThat(repository.verify()).singleElement().satisfies(v -> assertThat(v.ok()).isTrue());
        try (NetworkModel model = repository.load(repository.forModality("ct").orElseThrow())) {
            Prediction p = model.predict(data.inputs().get(0));
            assertThat(p.classCodes()).containsExactly("BLOB", "RING");
            assertThat(p.probabilities()[0] + p.probabilities()[1]).isCloseTo(1.0,
                    org.assertj.core.data.Offset.offset(1e-6));
            assertThat(model.manifest().temperature()).isEqualTo(result.manifest().temperature());
        }
    }

    @Test
    void fineTuningOnABackboneChangesOnlyTheLastBlockAndTheClassifier(@TempDir Path dir) throws Exception {
        LabelledInputs data = TinyData.blobsAndRings(30, 16, 2);
        TrainingConfig config = TrainingConfig.PAPER.withEpochs(1).withBatchSize(8).withLearningRate(3e-3);
        ModelTrainer trainer = new ModelTrainer(s -> { });
        trainer.train(data, "base", "CT", PROVENANCE, config, dir.resolve("base"));
        byte[] baseWeights = Files.readAllBytes(dir.resolve("base").resolve(ModelTrainer.WEIGHTS_FILE));

        ModelTrainer.Result tuned = trainer.train(data, "tuned", "CT", PROVENANCE,
                config.withEpochs(2).withBackbone(dir.resolve("base")), dir.resolve("tuned"));
        byte[] tunedWeights = Files.readAllBytes(dir.resolve("tuned").resolve(ModelTrainer.WEIGHTS_FILE));

        assertThat(tuned.manifest().training()).isEqualTo(PROVENANCE);
        // the first stage's convolution is stored first: unchanged; the classifier (stored last) has moved
        int head = 2000;
        assertThat(java.util.Arrays.copyOfRange(tunedWeights, 0, head))
                .isEqualTo(java.util.Arrays.copyOfRange(baseWeights, 0, head));
        assertThat(java.util.Arrays.copyOfRange(tunedWeights, tunedWeights.length - 200, tunedWeights.length))
                .isNotEqualTo(java.util.Arrays.copyOfRange(baseWeights, baseWeights.length - 200, baseWeights.length));
    }

    @Test
    void crossValidationReportsEveryFold() {
        int[] labels = new int[30];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
        }
        List<ModelTrainer.Split> splits = ModelTrainer.splits(labels, 3, TrainingConfig.PAPER.withFolds(5));
        assertThat(splits).hasSize(5);
        java.util.Set<Integer> tested = new java.util.HashSet<>();
        for (ModelTrainer.Split s : splits) {
            assertThat(s.train().length + s.validation().length + s.test().length).isEqualTo(30);
            for (int i : s.test()) {
                assertThat(tested.add(i)).as("each sample is tested exactly once").isTrue();
            }
            java.util.Set<Integer> trainSet = new java.util.HashSet<>();
            for (int i : s.train()) {
                trainSet.add(i);
            }
            for (int i : s.test()) {
                assertThat(trainSet).doesNotContain(i);
            }
        }
        assertThat(tested).hasSize(30);
        assertThatThrownBy(() -> TrainingConfig.PAPER.withFolds(3)).isInstanceOf(IllegalArgumentException.class);
    }
}
