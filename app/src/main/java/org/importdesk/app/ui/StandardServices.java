package org.importdesk.app.ui;

import org.importdesk.app.ui.service.AuditHistoryService;
import org.importdesk.app.ui.service.DecisionLog;
import org.importdesk.app.ui.service.EngineClassificationService;
import org.importdesk.app.ui.service.EngineMappingService;
import org.importdesk.app.ui.service.EngineMediumService;
import org.importdesk.app.ui.service.MediaDetector;
import org.importdesk.app.ui.service.Services;
import org.importdesk.app.ui.service.WorkstationSettings;
import org.importdesk.engine.classify.ClassifierMode;
import org.importdesk.engine.classify.NetworkVoter;
import org.importdesk.engine.config.AppDirectories;
import org.importdesk.engine.config.ConfigLocations;
import org.importdesk.mapping.MappingStore;
import org.importdesk.viewer.EngineSeriesImaging;

import java.nio.file.Path;
import java.util.Optional;

/** The services over the engine pieces this build has. */
public final class StandardServices {
    private StandardServices() {
    }

    /** The workstation's home: {@code $IMPORTDESK_HOME} or {@code ~/.importdesk} (as the mapping database uses). */
    public static Path defaultHome() {
        return MappingStore.defaultDirectory().getParent();
    }

    public static Services create() {
        return create(defaultHome(), ConfigLocations.forCurrentUser());
    }

    /**
     * The services with the mapping database and decision log under {@code home} and the configuration in
     * {@code home/config} and {@code home/site.properties} (tests use a temporary one).
     */
    public static Services create(Path home) {
        return create(home, new ConfigLocations(AppDirectories.under(home), home.resolve("site.properties")));
    }

    public static Services create(Path home, ConfigLocations locations) {
        Path mappingDirectory = home.resolve("mapping-db");
        StoreHolder holder = new StoreHolder(mappingDirectory);
        EngineClassificationService classification = new EngineClassificationService(
                () -> holder.store().load(), NetworkVoter.NONE, ClassifierMode.METADATA);
        DecisionLog decisions = new DecisionLog(home.resolve("decisions.tsv"));
        EngineMappingService mapping = new EngineMappingService(holder::store, decisions, classification::reload);
        WorkstationSettings settings = new WorkstationSettings(locations);
        return new Services(new EngineMediumService(), MediaDetector.forThisMachine(), new EngineSeriesImaging(),
                Optional.of(classification), Optional.empty(), Optional.empty(),
                Optional.of(new AuditHistoryService(home.resolve("audit"))),
                Optional.of(mapping), Optional.of(decisions), settings, Optional.empty());
    }

    /** Opens the mapping database on first use (off the FX thread), not at start-up. */
    private static final class StoreHolder {
        private final Path directory;
        private MappingStore store;

        StoreHolder(Path directory) {
            this.directory = directory;
        }

        synchronized MappingStore store() {
            if (store == null) {
                store = MappingStore.openEmbedded(directory);
            }
            return store;
        }
    }
}
