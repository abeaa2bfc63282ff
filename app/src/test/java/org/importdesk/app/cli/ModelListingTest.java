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
    void listsEachModelByItsManifestAndSaysWhichManifestIsBroken() throws Exception {
        Path root = Path.of(System.getProperty("importdesk.root", ".."));
        Path shipped = root.resolve("models/ct-mednist-demo/manifest.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(shipped), "no shipped CT model at " + shipped);
        Path ct = Files.createDirectories(models.resolve("ct"));
        Files.copy(shipped, ct.resolve("manifest.json"));
        Path broken = Files.createDirectories(models.resolve("broken"));
        Files.writeString(broken.resolve("manifest.json"), "{ not json");
        Files.createDirectories(models.resolve("no-manifest"));

        assertThat(ModelListing.describe(models)).satisfiesExactly(
                l -> assertThat(l).startsWith("broken  unreadable manifest"),
                l -> assertThat(l).startsWith("ct-mednist-demo  CT [CTAB, CTT, CTS]  compact-cnn-v1  trained ")
                        .contains("weights sha256:" + Files.readString(ct.resolve("manifest.json"))
                                .replaceAll("(?s).*\"weightsSha256\"\\s*:\\s*\"([0-9a-f]{12}).*", "$1")));
    }

    @Test
    void saysSoWhenThereAreNoModels() throws Exception {
        assertThat(ModelListing.describe(models)).singleElement().asString().startsWith("(none installed");
        assertThat(ModelListing.describe(models.resolve("missing"))).singleElement().asString().startsWith("(no models directory");
    }
}
