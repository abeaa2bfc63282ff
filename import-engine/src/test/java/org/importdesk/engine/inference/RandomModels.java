package org.importdesk.engine.inference;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.SequentialBlock;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Untrained (randomly initialised) models written as a real models folder entry, for repository and voter tests. */
final class RandomModels {
    private RandomModels() {
    }

    static Path write(Path modelsDir, String name, String modality, List<String> classes, int size) throws IOException {
        return write(modelsDir, name, modality, classes, new ModelManifest.Input(size, 3,
                ModelManifest.Input.MOMO_REPRESENTATION, ModelManifest.Input.UNIT_RANGE));
    }

    static Path write(Path modelsDir, String name, String modality, List<String> classes, ModelManifest.Input input)
            throws IOException {
        int size = input.size();
        InferenceEnvironment.configure();
        Path dir = modelsDir.resolve(name);
        Files.createDirectories(dir);
        Path weights = dir.resolve(ModelTrainer.WEIGHTS_FILE);
        try (Model model = Model.newInstance(name, ai.djl.Device.cpu(), "PyTorch")) {
            SequentialBlock net = CompactCnn.build(classes.size());
            net.initialize(model.getNDManager(), DataType.FLOAT32, CompactCnn.inputShape(1, size));
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(weights))) {
                net.saveParameters(out);
            }
        }
        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT_VERSION, name, modality, CompactCnn.NAME,
                classes, input, 1.0, ModelTrainer.WEIGHTS_FILE, Sha256.of(weights),
                new ModelManifest.Provenance("random initialisation", List.of(), "none", "test", "now", Map.of()),
                new ModelManifest.Metrics(0, 0, 0, 0, 0, 0, 0, 0, List.of(), Map.of()));
        manifest.write(dir.resolve(ModelManifest.FILE_NAME));
        return dir;
    }
}
