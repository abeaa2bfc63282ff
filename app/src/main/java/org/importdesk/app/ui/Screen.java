package org.importdesk.app.ui;

/** The workstation's screens in the order of the radiographer's flow, then the team lead's and the settings. */
public enum Screen {
    SOURCE("source"), MEDIUM("medium"), STUDY("study"), CLASSIFICATION("classification"), PATIENT("patient"),
    IMPORT("import"), HISTORY("history"), MAPPING("mapping"), SETTINGS("settings");

    private final String id;

    Screen(String id) {
        this.id = id;
    }

    /** The FXML's name and the resource keys' prefix. */
    public String id() {
        return id;
    }

    public boolean inFlow() {
        return ordinal() <= IMPORT.ordinal();
    }
}
