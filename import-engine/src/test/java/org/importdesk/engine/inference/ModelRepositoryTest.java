package org.importdesk.engine.inference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRepositoryTest {

    @Test
    void manifestSurvivesAJsonRoundTrip(@TempDir Path dir) throws Exception {
        Path modelDir = RandomModels.write(dir, "ct", "CT", List.of("CTAB", "CTT", "CTS"), 32);
        ModelManifest manifest = ModelManifest.read(modelDir.resolve(ModelManifest.FILE_NAME));
        assertThat(ModelManifest.fromJson(manifest.toJson())).isEqualTo(manifest);
        assertThat(manifest.toJson()).contains("\"weightsSha256\"", "\"temperature\"", "\"classCodes\"");
        assertThatThrownBy(() -> ModelManifest.fromJson("{\"formatVersion\": 9, \"name\": \"x\", \"modality\": \"CT\","
                + " \"classCodes\": [\"A\"], \"input\": {\"size\": 64}, \"temperature\": 1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("formatVersion 9");
        assertThatThrownBy(() -> ModelManifest.fromJson("[1,2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a model manifest");
    }

    @Test
    void listsModelsByModalityAndLoadsThem(@TempDir Path dir) throws Exception {
        RandomModels.write(dir, "ct", "CT", List.of("CTAB", "CTT", "CTS"), 32);
        RandomModels.write(dir, "cr", "CR", List.of("KTH", "KHAND"), 32);
        Files.createDirectories(dir.resolve("not-a-model"));
        ModelRepository repository = new ModelRepository(dir);

        assertThat(repository.list()).extracting(ModelRepository.Entry::name).containsExactly("cr", "ct");
        assertThat(repository.forModality("cr")).isPresent();
        assertThat(repository.forModality("US")).isEmpty();
        try (NetworkModel model = repository.load(repository.forModality("CT").orElseThrow())) {
            float[] input = new float[3 * 32 * 32];
            Prediction p = model.predict(input);
            assertThat(p.classCodes()).containsExactly("CTAB", "CTT", "CTS");
            assertThat(p.probabilities()).hasSize(3);
            assertThat(p.confidence()).isBetween(1.0 / 3, 1.0);
            assertThat(p.probabilities()[p.classCodes().indexOf(p.classCode())]).isEqualTo(p.confidence());
            assertThatThrownBy(() -> model.predict(new float[10]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 x 32 x 32");
            // a batch gives the same logits as single calls
            List<float[]> batch = model.logits(List.of(input, ones(32)));
            assertThat(batch.get(1)).containsExactly(model.logits(List.of(ones(32))).get(0),
                    org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void alteredWeightsFailVerificationAndAreNeverLoaded(@TempDir Path dir) throws Exception {
        Path modelDir = RandomModels.write(dir, "ct", "CT", List.of("CTAB", "CTT"), 32);
        ModelRepository repository = new ModelRepository(dir);
        assertThat(repository.verify()).singleElement().satisfies(v -> assertThat(v.ok()).isTrue());

        flipOneByte(modelDir.resolve(ModelTrainer.WEIGHTS_FILE));
        assertThat(repository.verify()).singleElement().satisfies(v -> {
            assertThat(v.ok()).isFalse();
            assertThat(v.detail()).contains("differs");
        });
        assertThatThrownBy(() -> repository.load(repository.forModality("CT").orElseThrow()))
                .isInstanceOf(IOException.class).hasMessageContaining("SHA-256");

        Files.delete(modelDir.resolve(ModelTrainer.WEIGHTS_FILE));
        assertThat(repository.verify()).singleElement().satisfies(v -> assertThat(v.detail()).contains("missing"));
    }

    private static float[] ones(int size) {
        float[] a = new float[3 * size * size];
        java.util.Arrays.fill(a, 1f);
        return a;
    }

    private static void flipOneByte(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long pos = raf.length() / 2;
            raf.seek(pos);
            int b = raf.read();
            raf.seek(pos);
            raf.write(b ^ 0x01);
        }
    }
}
