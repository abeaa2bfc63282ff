package org.importdesk.engine.config;

/**
 * System properties the bundled DJL/PyTorch natives need, set before any inference class loads: never go online
 * ({@code ai.djl.offline}), and unpack the natives into the user's cache ({@code DJL_CACHE_DIR},
 * {@code ENGINE_CACHE_DIR}). Values already given on the command line or in the environment are kept.
 */
public final class NativeRuntimeDefaults {
    private NativeRuntimeDefaults() {
    }

    public static void apply(AppDirectories dirs) {
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        String cache = dirs.djlCache().toString();
        for (String name : new String[]{"DJL_CACHE_DIR", "ENGINE_CACHE_DIR"}) {
            if (System.getProperty(name) == null && System.getenv(name) == null) {
                System.setProperty(name, cache);
            }
        }
    }
}
