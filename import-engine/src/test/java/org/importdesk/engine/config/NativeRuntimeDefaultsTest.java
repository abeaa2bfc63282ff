package org.importdesk.engine.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NativeRuntimeDefaultsTest {
    private static final String[] NAMES = {"ai.djl.offline", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR"};
    private final Map<String, String> saved = new HashMap<>();

    NativeRuntimeDefaultsTest() {
        for (String n : NAMES) {
            saved.put(n, System.getProperty(n));
        }
    }

    @AfterEach
    void restore() {
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @Test
    void djlGoesOfflineAndUnpacksIntoTheUsersCacheUnlessToldOtherwise() {
        assumeTrue(System.getenv("DJL_OFFLINE") == null && System.getenv("DJL_CACHE_DIR") == null
                && System.getenv("ENGINE_CACHE_DIR") == null, "DJL variables set in this environment");
        for (String n : NAMES) {
            System.clearProperty(n);
        }
        System.setProperty("ENGINE_CACHE_DIR", "/given/engine");
        NativeRuntimeDefaults.apply(AppDirectories.under(Path.of("/u")));
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(System.getProperty("DJL_CACHE_DIR")).isEqualTo(Path.of("/u/cache/djl").toString());
        assertThat(System.getProperty("ENGINE_CACHE_DIR")).isEqualTo("/given/engine");
    }
}
