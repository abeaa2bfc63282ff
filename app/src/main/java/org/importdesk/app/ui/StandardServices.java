package org.importdesk.app.ui;

import org.importdesk.app.ui.service.AuditHistoryService;
import org.importdesk.app.ui.service.DecisionLog;
import org.importdesk.app.ui.service.EngineClassificationService;
import org.importdesk.app.ui.service.EngineMappingService;
import org.importdesk.app.ui.service.EngineEchoService;
import org.importdesk.app.ui.service.EngineImportService;
import org.importdesk.app.ui.service.EngineMediumService;
import org.importdesk.app.ui.service.EngineReconciliationService;
import org.importdesk.app.ui.service.MediaDetector;
import org.importdesk.app.ui.service.Services;
import org.importdesk.app.ui.service.WorkstationSettings;
import org.importdesk.engine.classify.ClassifierMode;
import org.importdesk.engine.inference.ModelNetworkVoter;
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

    public static Services create() {
        return create(ConfigLocations.forCurrentUser());
    }

    /**
     * The services with the configuration in {@code home/config} and {@code home/site.properties} and the data
     * (mapping database, decision log, audit records) in {@code home/data} (tests use a temporary home).
     */
    public static Services create(Path home) {
        return create(new ConfigLocations(AppDirectories.under(home), home.resolve("site.properties")));
    }

    public static Services create(ConfigLocations locations) {
        WorkstationSettings settings = new WorkstationSettings(locations);
        Path data = locations.directories().data();
        StoreHolder holder = new StoreHolder(settings.current().databaseUrl());
        // MOMO's best variant: metadata and the networks in one weighted vote (the installed models)
        EngineClassificationService classification = new EngineClassificationService(
                () -> holder.store().load(), ModelNetworkVoter::installed, ClassifierMode.MERGED);
        DecisionLog decisions = new DecisionLog(data.resolve("decisions.tsv"));
        EngineMappingService mapping = new EngineMappingService(holder::store, decisions, classification::reload);
        return new Services(new EngineMediumService(), MediaDetector.forThisMachine(), new EngineSeriesImaging(),
                Optional.of(classification), Optional.of(new EngineReconciliationService(settings)),
                Optional.of(new EngineImportService(settings, data, java.time.Duration.ofMinutes(5))),
                Optional.of(new AuditHistoryService(data.resolve("audit"))),
                Optional.of(mapping), Optional.of(decisions), settings, Optional.of(new EngineEchoService(settings)));
    }

    /** Opens the mapping database on first use (off the FX thread), not at start-up. */
    private static final class StoreHolder {
        private final String url;
        private MappingStore store;

        StoreHolder(String url) {
            this.url = url;
        }

        synchronized MappingStore store() {
            if (store == null) {
                // as the mapping command does: H2 with its default user, other databases with the URL's credentials
                boolean h2 = url.startsWith("jdbc:h2:");
                store = MappingStore.open(url, h2 ? "sa" : null, h2 ? "" : null);
            }
            return store;
        }
    }
}
