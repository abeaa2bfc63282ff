package org.importdesk.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModelListingTest {
    @TempDir
    Path models;

    @Test
    void listsEachModelWithTheVersionsItsManifestsDeclare() throws Exception {
        Path momo = Files.createDirectories(models.resolve("momo-resnet18"));
        Files.writeString(momo.resolve("manifest.json"), "{\"name\": \"momo\", \"version\": \"1.3.0\", \"inputs\": {\"size\": 224}}");
        Files.write(momo.resolve("model.pt"), new byte[2_000_000]);
        Path bare = Files.createDirectories(models.resolve("bodypart"));
        Files.writeString(bare.resolve("weights.bin"), "x");
        Files.writeString(models.resolve("models-manifest.json"), "[{\"modelVersion\": 7}, {\"version\":\"2024-11\"}]");
        Files.writeString(models.resolve(".gitkeep"), "");

        assertThat(ModelListing.describe(models)).containsExactly(
                "bodypart  no version in a manifest  (0.0 MB)",
                "models-manifest.json  version 7, 2024-11  (0.0 MB)",
                "momo-resnet18  version 1.3.0  (2.0 MB)");
    }

    @Test
    void saysSoWhenThereAreNoModels() throws Exception {
        assertThat(ModelListing.describe(models)).singleElement().asString().startsWith("(none installed");
        assertThat(ModelListing.describe(models.resolve("missing"))).singleElement().asString().startsWith("(no models directory");
    }
}
