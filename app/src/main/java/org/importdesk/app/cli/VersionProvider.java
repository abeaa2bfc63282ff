package org.importdesk.app.cli;

import org.importdesk.engine.config.ConfigurationLoader;
import org.importdesk.engine.config.InstallLayout;
import org.importdesk.engine.config.InvalidConfigurationException;
import org.importdesk.engine.config.LoadedConfiguration;
import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * `--version`: the application version, the Java runtime, the installed models with their versions, and the
 * inference engine: the configured device and the bundled PyTorch natives. Never fails on a bad configuration.
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("ImportDesk " + load("/org/importdesk/app/version.properties").getProperty("version", "unknown"));
        lines.add("Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.home") + ")");
        Path models = InstallLayout.modelsDirectory();
        lines.add("Models in " + models + ":");
        ModelListing.describe(models).forEach(l -> lines.add("  " + l));
        lines.add("Inference: " + device() + "; " + bundledNatives());
        return lines.toArray(String[]::new);
    }

    private static String device() {
        try {
            LoadedConfiguration c = ConfigurationLoader.loadForCurrentUser();
            return c.settings().inferenceDevice() + " (" + c.values().get("inference.device").source().name().toLowerCase()
                    + " setting)";
        } catch (InvalidConfigurationException | UncheckedIOException e) {
            return "device unknown: the configuration is invalid (see `importdesk config show`)";
        }
    }

    /** DJL's native jars carry native/lib/pytorch.properties (version, flavor cpu/cu124, classifier). */
    static String bundledNatives() throws IOException {
        Properties p = load("/native/lib/pytorch.properties");
        if (p.isEmpty()) {
            return "no PyTorch natives bundled";
        }
        return "PyTorch " + p.getProperty("version", "?") + " " + p.getProperty("flavor", "?") + " natives for "
                + p.getProperty("classifier", "?") + " bundled (DJL cache " + System.getProperty("DJL_CACHE_DIR", "default")
                + ", offline=" + System.getProperty("ai.djl.offline", "false") + ")";
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        }
        return p;
    }
}
