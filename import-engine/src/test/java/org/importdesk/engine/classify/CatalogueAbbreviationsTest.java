package org.importdesk.engine.classify;

import org.importdesk.mapping.defaults.DefaultContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hospital catalogue abbreviations the default vocabulary understands: shortened spine segments, laterality plus
 * extremity acronyms in every modality, short bone names, joint shorthand. Each name differs from the held-out and
 * development sets so that this tests the rule, not a memorised name.
 */
class CatalogueAbbreviationsTest {
    private static StudyClassifier classifier;

    @BeforeAll
    static void load() throws Exception {
        classifier = new StudyClassifier(new CompiledMapping(DefaultContent.load()), NetworkVoter.NONE,
                ClassifierMode.METADATA);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CT|CT CSP W CON|CTWS",
            "MR|MRI CERV SP W/WO CON|MRH",
            "MR|MRI THOR SP WO|MRB",
            "MR|MRI LUMB SP WO CON|MRL",
            "CT|CT RLE W CON|CTUE",
            "MR|MRI LLE W/WO|MRUE",
            "MR|MRI RUE WO CON|MROE",
            "CT|CT BUE WO|CTOE",
            "DX|XR CLAV RT 2V|KARM",
            "DX|XR HUM LT 2V|KARM",
            "DX|XR FEM RT 2V|KBEIN",
            "DX|XR AC JTS BILAT WITH WEIGHTS|KARM",
            "DX|XR SI JT|KBE",
            "PT|PET CT MPI|PCTH",
            "XA|IR INTRACRANIAL STENTING|DSHI",
            "XA|IR AVM EMBOLIZATION|DSHI"})
    void abbreviationClassifies(String modality, String description, String expected) {
        Classification c = classifier.classify(TextStudies.study("t", modality, description, "", "", "", ""));
        assertThat(c.classCode()).as(description + " " + c.evidence().matches()).contains(expected);
    }
}
