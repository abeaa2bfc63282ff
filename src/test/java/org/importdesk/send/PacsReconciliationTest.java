package org.importdesk.send;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import org.importdesk.engine.dicom.DicomQueryClient;
import org.importdesk.engine.reconcile.AccessionCheck;
import org.importdesk.engine.reconcile.Candidate;
import org.importdesk.engine.reconcile.CandidateScorer;
import org.importdesk.engine.reconcile.Demographics;
import org.importdesk.engine.reconcile.Reconciler;
import org.importdesk.engine.reconcile.Reconciliation;
import org.importdesk.engine.reconcile.ScoredCandidate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Patient-level reconciliation against the PACS (C-FIND in the Patient Root model against Orthanc holding studies the
 * test stores first) and the accession-number collision flag (Study Root C-FIND).
 */
class PacsReconciliationTest {
    @TempDir
    static Path tmp;
    static OrthancFixture orthanc;

    static final String STUDY_A = "1.2.826.0.1.3680043.10.1161.77.1";
    static final String STUDY_B = "1.2.826.0.1.3680043.10.1161.77.2";
    static final String STUDY_C = "1.2.826.0.1.3680043.10.1161.77.3";

    @BeforeAll
    static void startPacs() throws Exception {
        assumeTrue(OrthancFixture.available(), OrthancFixture.absentMessage());
        orthanc = OrthancFixture.start(tmp.resolve("orthanc"));
        // the right patient
        store("a", "Müller^Hans", "LOC-P1", "19600101", "M", STUDY_A, "ACC-P1");
        // near miss: same name written another way, another birth date
        store("b", "Mueller^Hans", "LOC-P2", "19610101", "M", STUDY_B, "ACC-P2");
        // same birth date, another person
        store("c", "Schmidt^Anna", "LOC-P3", "19600101", "F", STUDY_C, "ACC-P3");
    }

    @AfterAll
    static void stop() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    private static void store(String name, String patientName, String patientId, String birthDate, String sex,
                              String studyUid, String accession) throws Exception {
        SpecificCharacterSet utf8 = new SpecificCharacterSet(new String[]{"ISO_IR 192"});
        AttributeList list = new AttributeList();
        put(list, TagFromName.SpecificCharacterSet, "ISO_IR 192", null);
        put(list, TagFromName.SOPClassUID, "1.2.840.10008.5.1.4.1.1.7", null);
        put(list, TagFromName.SOPInstanceUID, studyUid + ".1.1", null);
        put(list, TagFromName.StudyInstanceUID, studyUid, null);
        put(list, TagFromName.SeriesInstanceUID, studyUid + ".1", null);
        put(list, TagFromName.PatientName, patientName, utf8);
        put(list, TagFromName.PatientID, patientId, null);
        put(list, TagFromName.PatientBirthDate, birthDate, null);
        put(list, TagFromName.PatientSex, sex, null);
        put(list, TagFromName.AccessionNumber, accession, null);
        put(list, TagFromName.Modality, "OT", null);
        put(list, TagFromName.StudyDate, "20240101", null);
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "IDTEST");
        Path file = tmp.resolve(name + ".dcm");
        try (OutputStream o = Files.newOutputStream(file)) {
            list.write(o, TransferSyntax.ExplicitVRLittleEndian, true, true);
        }
        orthanc.upload(file);
    }

    private static void put(AttributeList list, AttributeTag tag, String value, SpecificCharacterSet cs) throws Exception {
        Attribute a = cs == null ? list.putNewAttribute(tag) : list.putNewAttribute(tag, cs);
        a.addValue(value);
    }

    private static Reconciliation reconcile(Demographics external) throws Exception {
        return new Reconciler(new DicomQueryClient("IMPORTDESK"), CandidateScorer.defaults())
                .reconcile(external, Optional.empty(), Optional.of(orthanc.node()));
    }

    @Test
    void thePacsPatientIsChosenAndTheNearMissWithAnotherBirthDateIsVetoed() throws Exception {
        Reconciliation r = reconcile(new Demographics("EXT-99", "OTHER-HOSP", "HANS MUELLER", "19600101", "M"));

        assertThat(r.ranked()).extracting(c -> c.candidate().demographics().patientId())
                .containsExactlyInAnyOrder("LOC-P1", "LOC-P2", "LOC-P3");
        assertThat(r.ranked()).allMatch(c -> c.candidate().source() == Candidate.Source.PACS);
        assertThat(r.chosen()).as(r.explanation()).isPresent();
        assertThat(r.chosen().get().candidate().demographics().patientId()).isEqualTo("LOC-P1");
        assertThat(r.chosen().get().candidate().demographics().name()).isEqualTo("Müller^Hans");
        ScoredCandidate nearMiss = r.ranked().stream()
                .filter(c -> c.candidate().demographics().patientId().equals("LOC-P2")).findFirst().orElseThrow();
        assertThat(nearMiss.vetoed()).isTrue();
    }

    @Test
    void aNearMissAloneIsNotChosen() throws Exception {
        Reconciliation r = reconcile(new Demographics("EXT-98", "", "Mueller^Hans", "19610102", "M"));
        assertThat(r.chosen()).isEmpty();
    }

    @Test
    void anAccessionNumberThePacsUsesForAnotherStudyIsFlagged() throws Exception {
        AccessionCheck check = new AccessionCheck(new DicomQueryClient("IMPORTDESK"));
        String imported = "1.2.826.0.1.3680043.10.1161.77.99";
        assertThat(check.collisions(orthanc.node(), "ACC-P2", imported)).containsExactly(STUDY_B);
        // the same study sent again is no collision
        assertThat(check.collisions(orthanc.node(), "ACC-P2", STUDY_B)).isEmpty();
        assertThat(check.collisions(orthanc.node(), "ACC-NEW", imported)).isEmpty();
        assertThat(check.collisions(orthanc.node(), "", imported)).isEmpty();
        List<String> wild = check.collisions(orthanc.node(), "ACC-P*", imported);
        assertThat(wild).as("an accession number is matched literally, not as a wildcard").isEmpty();
    }
}
