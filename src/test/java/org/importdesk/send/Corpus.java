package org.importdesk.send;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/corpus (property importdesk.root set by surefire, else walking up from the working directory). */
public final class Corpus {
    private Corpus() {
    }

    public static Path shared() {
        String root = System.getProperty("importdesk.root");
        if (root != null) {
            Path p = Path.of(root).resolve("../shared").normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("../shared").normalize();
            if (Files.isDirectory(p.resolve("corpus"))) {
                return p;
            }
        }
        return Path.of("../shared").toAbsolutePath().normalize();
    }

    public static Path corpus(String name) {
        return shared().resolve("corpus").resolve(name);
    }

    public static final String GE_STUDY = "1.2.840.113619.6.44.278690555559257603308263179064563144783";
}
