package org.importdesk.app.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes JavaFX snapshots of the scene to target/screenshots (works headless in Monocle and under Xvfb). */
final class Screenshots {
    private Screenshots() {
    }

    static Path folder() {
        String configured = System.getProperty("importdesk.screenshots");
        return configured != null ? Path.of(configured) : Path.of("target", "screenshots");
    }

    /** FX thread. */
    static Path take(Scene scene, String name) throws IOException {
        WritableImage image = scene.snapshot(null);
        Path out = folder().resolve(name + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        return out;
    }
}
