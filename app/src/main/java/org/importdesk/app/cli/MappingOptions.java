package org.importdesk.app.cli;

import org.importdesk.engine.classify.ClassifierMode;
import org.importdesk.engine.classify.CompiledMapping;
import org.importdesk.engine.classify.NetworkVoter;
import org.importdesk.engine.classify.StudyClassifier;
import org.importdesk.mapping.MappingContent;
import org.importdesk.mapping.MappingStore;
import org.importdesk.mapping.defaults.DefaultContent;
import picocli.CommandLine.Option;

/** Where the mapping content comes from, and the classifier mode; shared by the classification commands. */
final class MappingOptions {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Mapping database (default: embedded H2 in $IMPORTDESK_HOME or ~/.importdesk/mapping-db; "
                    + "jdbc:h2:tcp://... or jdbc:postgresql://... for a shared one).")
    String db;

    @Option(names = "--db-user", defaultValue = "sa", description = "Database user (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--db-password", defaultValue = "", description = "Database password.")
    String password;

    @Option(names = "--defaults", description = "Use the built-in default content instead of a database.")
    boolean defaults;

    @Option(names = "--mode", defaultValue = "metadata",
            description = "metadata, network-last, merged or network (default: ${DEFAULT-VALUE}).")
    String mode;

    MappingStore store() {
        return db == null ? MappingStore.openEmbedded(MappingStore.defaultDirectory()) : MappingStore.open(db, user, password);
    }

    MappingContent content() {
        return defaults ? DefaultContent.load() : store().load();
    }

    StudyClassifier classifier(MappingContent content) {
        return new StudyClassifier(new CompiledMapping(content), NetworkVoter.NONE, ClassifierMode.parse(mode));
    }
}
