package org.importdesk.app.cli;

import org.importdesk.engine.classify.ClassifierMode;
import org.importdesk.engine.classify.CompiledMapping;
import org.importdesk.engine.classify.NetworkVoter;
import org.importdesk.engine.classify.StudyClassifier;
import org.importdesk.engine.config.ConfigurationLoader;
import org.importdesk.mapping.MappingContent;
import org.importdesk.mapping.MappingStore;
import org.importdesk.mapping.defaults.DefaultContent;
import picocli.CommandLine.Option;

/** Where the mapping content comes from, and the classifier mode; shared by the classification commands. */
final class MappingOptions {

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Mapping database (default: the configured database.url, an embedded H2 file in the user's "
                    + "data folder; jdbc:h2:tcp://... or jdbc:postgresql://... for a shared one).")
    String db;

    @Option(names = "--db-user", description = "Database user (default: sa for H2; else from the URL).")
    String user;

    @Option(names = "--db-password", description = "Database password.")
    String password;

    @Option(names = "--defaults", description = "Use the built-in default content instead of a database.")
    boolean defaults;

    @Option(names = "--mode", defaultValue = "metadata",
            description = "metadata, network-last, merged or network (default: ${DEFAULT-VALUE}).")
    String mode;

    MappingStore store() {
        String url = db != null ? db : ConfigurationLoader.loadForCurrentUser().settings().databaseUrl();
        String u = user != null ? user : url.startsWith("jdbc:h2:") ? "sa" : null;
        String pw = password != null ? password : u != null ? "" : null;
        return MappingStore.open(url, u, pw);
    }

    MappingContent content() {
        return defaults ? DefaultContent.load() : store().load();
    }

    StudyClassifier classifier(MappingContent content) {
        ClassifierMode m = ClassifierMode.parse(mode);
        NetworkVoter voter = m == ClassifierMode.METADATA ? NetworkVoter.NONE
                : org.importdesk.engine.inference.ModelNetworkVoter.installed();
        return new StudyClassifier(new CompiledMapping(content), voter, m);
    }
}
