package org.importdesk.app.ui.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MediaDetectorTest {

    @TempDir
    Path root;

    @Test
    void findsDiscsOneAndTwoLevelsBelowTheMountRootsAndIgnoresOtherFolders() throws IOException {
        Path media = root.resolve("media");
        Path runMedia = root.resolve("run-media");
        Files.createDirectories(media.resolve("cdrom").resolve("DICOM"));
        Files.writeString(media.resolve("cdrom").resolve("DICOMDIR"), "x");
        Files.createDirectories(runMedia.resolve("anna").resolve("PATIENT_CD").resolve("DICOM"));
        Files.createDirectories(runMedia.resolve("anna").resolve("USB_PHOTOS").resolve("DCIM"));
        Files.createDirectories(media.resolve("floppy"));

        List<MediaDetector.Medium> found = new MediaDetector(List.of(media, runMedia, root.resolve("absent"))).detect();

        assertThat(found).extracting(MediaDetector.Medium::label).containsExactly("cdrom", "PATIENT_CD");
        assertThat(found.get(0).hasDicomdir()).isTrue();
        assertThat(found.get(1).hasDicomdir()).isFalse();
    }
}
