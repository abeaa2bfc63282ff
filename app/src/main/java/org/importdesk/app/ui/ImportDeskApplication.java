package org.importdesk.app.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The workstation window. */
public final class ImportDeskApplication extends Application {
    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("ImportDesk: insert a patient medium or open a folder, DICOMDIR or ZIP."));
        stage.setTitle("ImportDesk");
        stage.setScene(new Scene(root, 1024, 700));
        stage.show();
    }
}
