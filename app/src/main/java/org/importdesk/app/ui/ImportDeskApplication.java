package org.importdesk.app.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.importdesk.app.ui.service.Services;

import java.util.Locale;

/** The workstation window. */
public final class ImportDeskApplication extends Application {

    private Workstation workstation;

    @Override
    public void start(Stage stage) {
        Services services = StandardServices.create();
        String language = System.getProperty("importdesk.language", services.settings().language());
        workstation = new Workstation(services, Locale.forLanguageTag(language));
        stage.setTitle("ImportDesk");
        stage.setScene(workstation.createScene(1360, 860));
        stage.show();
    }

    @Override
    public void stop() {
        if (workstation != null) {
            workstation.close();
        }
    }
}
