package org.importdesk.engine.inference;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed demonstration models classify MedNIST images they were not trained on (they were trained on the first
 * 500 files of each folder by name; these are the last ones).
 */
class DefaultModelsTest {

    private static final int PER_CLASS = 20;

    static Path root() {
        String property = System.getProperty("importdesk.root");
        Path start = property != null ? Path.of(property) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("models")) && Files.exists(p.resolve("importdesk"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root with models/ not found from " + start);
    }

    @Test
    void committedModelsVerifyAndClassifyHeldOutMedNistImages() throws Exception {
        Path root = root();
        ModelRepository repository = new ModelRepository(root.resolve("models"));
        List<ModelRepository.Verification> verifications = repository.verify();
        assertThat(verifications).extracting(v -> v.entry().name())
                .contains("ct-mednist-demo", "cr-mednist-demo");
        assertThat(verifications).allSatisfy(v -> assertThat(v.ok()).as(v.detail()).isTrue());

        Path mednist = root.resolve("../shared/corpus/mednist").normalize();
        Assumptions.assumeTrue(Files.isDirectory(mednist), "../shared/corpus absent: " + mednist);
        for (ModelRepository.Entry entry : repository.list()) {
            try (NetworkModel model = repository.load(entry)) {
                ModelManifest m = model.manifest();
                int correct = 0;
                int total = 0;
                for (Map.Entry<String, String> folder : ImageFolders.MEDNIST_CLASSES.entrySet()) {
                    if (!m.classCodes().contains(folder.getValue())) {
                        continue;
                    }
                    List<Path> files;
                    try (Stream<Path> s = Files.list(mednist.resolve(folder.getKey()))) {
                        List<Path> all = s.sorted().toList();
                        files = all.subList(all.size() - PER_CLASS, all.size());
                    }
                    List<float[]> inputs = new java.util.ArrayList<>();
                    for (Path f : files) {
                        inputs.add(InputImages.fromImageFile(f, m.input().size(), m.input().encoding().orElseThrow().scaling()));
                    }
                    for (Prediction p : model.predict(inputs)) {
                        total++;
                        if (p.classCode().equals(folder.getValue())) {
                            correct++;
                        }
                    }
                }
                assertThat(total).as(m.name()).isGreaterThanOrEqualTo(2 * PER_CLASS);
                assertThat((double) correct / total).as(m.name() + " held-out accuracy").isGreaterThanOrEqualTo(0.9);
            }
        }
    }
}
