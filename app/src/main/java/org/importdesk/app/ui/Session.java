package org.importdesk.app.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.importdesk.app.ui.service.ClassificationService;
import org.importdesk.app.ui.service.ImportService;
import org.importdesk.app.ui.service.MediumService;
import org.importdesk.app.ui.service.ReconciliationService;
import org.importdesk.engine.media.PatientRecord;
import org.importdesk.engine.media.StudyRecord;

import java.nio.file.Path;

/** What the radiographer is working on, shared by the screens: the medium, the study, its class and patient. */
public final class Session {
    public final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.SOURCE);
    public final ObjectProperty<Path> source = new SimpleObjectProperty<>();
    public final ObjectProperty<MediumService.MediumContent> medium = new SimpleObjectProperty<>();
    public final ObjectProperty<PatientRecord> patient = new SimpleObjectProperty<>();
    public final ObjectProperty<StudyRecord> study = new SimpleObjectProperty<>();
    public final ObjectProperty<ClassificationService.Proposal> proposal = new SimpleObjectProperty<>();
    public final ObjectProperty<ClassificationService.ClassChoice> confirmedClass = new SimpleObjectProperty<>();
    public final ObjectProperty<ReconciliationService.Candidate> confirmedPatient = new SimpleObjectProperty<>();
    public final ObjectProperty<ImportService.Result> lastImport = new SimpleObjectProperty<>();
    public final StringProperty user = new SimpleStringProperty(System.getProperty("user.name", "radiographer"));
    public final BooleanProperty teamLead = new SimpleBooleanProperty(false);
    /** Study instance UIDs of this medium whose import completed (the next study skips them). */
    public final javafx.collections.ObservableSet<String> importedStudies = javafx.collections.FXCollections.observableSet();

    /** Forgets the study's decisions (another study was chosen). */
    public void studyChosen(PatientRecord p, StudyRecord s) {
        patient.set(p);
        study.set(s);
        proposal.set(null);
        confirmedClass.set(null);
        confirmedPatient.set(null);
    }
}
