package org.importdesk.app.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Prints the application version; the model and engine lines join when the models are installed. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/org/importdesk/app/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[]{"ImportDesk " + p.getProperty("version", "unknown")};
    }
}
