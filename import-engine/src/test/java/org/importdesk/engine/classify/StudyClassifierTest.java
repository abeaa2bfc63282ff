package org.importdesk.engine.classify;

import org.importdesk.engine.media.SeriesRecord;
import org.importdesk.engine.media.StudyRecord;
import org.importdesk.mapping.defaults.DefaultContent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StudyClassifierTest {

    static final CompiledMapping MAPPING = new CompiledMapping(DefaultContent.load());

    static Classification classify(String modality, String description) {
        return new StudyClassifier(MAPPING, NetworkVoter.NONE, ClassifierMode.METADATA)
                .classify(TextStudies.study("s", modality, description, "", "", "", ""));
    }

    static SeriesRecord series(String uid, String modality, String description, String bodyPart) {
        return new SeriesRecord(uid, modality, 1, description, bodyPart, "", List.of(), Optional.empty());
    }

    static StudyRecord study(String description, SeriesRecord... series) {
        return new StudyRecord("1.2.3", description, "", "", "", "", List.of(), "", "", List.of(series));
    }

    @Test
    void matchesWholeWordsOnlySoSpineLevelsStayApart() {
        assertThat(classify("MR", "MRI CERVICAL SPINE").classCode()).contains("MRH");
        assertThat(classify("MR", "MRI THORACIC SPINE").classCode()).contains("MRB");
        assertThat(classify("MR", "MRI LUMBAR SPINE").classCode()).contains("MRL");
        assertThat(classify("MR", "MRI SPINE").classCode()).contains("MRWS");
        // "arm" is a word of its own, not a part of "pharmacy" or "warm"
        assertThat(classify("CR", "XR ARM LEFT").classCode()).contains("KARM");
        assertThat(classify("CR", "XR WARM PHARMACY").decider()).isNotEqualTo("keyword");
    }

    @Test
    void expandsAbbreviationsAndToleratesTyposWithoutInventingMatches() {
        assertThat(classify("CT", "CT ABD/PELV W CON").classCode()).contains("CTAB");
        assertThat(classify("DX", "XR C-SPINE 2-3 VIEWS").classCode()).contains("KHWS");
        Classification typo = classify("CT", "CT ABDOMNE");
        assertThat(typo.classCode()).contains("CTAB");
        assertThat(typo.evidence().matches()).anySatisfy(m -> assertThat(m.partial()).isTrue());
        // short or unknown words are never bent into anatomy
        assertThat(classify("CT", "CT KNEW").decider()).isNotEqualTo("keyword");
        assertThat(classify("CT", "CT PORTABLE").decider()).isNotEqualTo("keyword");
    }

    @Test
    void splitsGermanCompoundsAndNormalisesUmlauts() {
        assertThat(classify("MR", "MRT Kniegelenk rechts").classCode()).contains("MRUE");
        assertThat(classify("US", "Oberbauchsonographie").classCode()).contains("UAB");
        assertThat(classify("CT", "CT Schädel nativ").classCode()).contains("CTS");
        assertThat(classify("DX", "Fuß links").classCode()).contains("KFUSS");
    }

    @Test
    void remapsModalitiesAndMapsPetStudiesByTheirCompanionRegion() {
        assertThat(classify("DX", "XR CHEST 2 VIEWS").classCode()).contains("KTH");
        assertThat(classify("RF", "FL UGI").classCode()).contains("DLAB");
        assertThat(classify("XA", "IR MESENTERIC ANGIOGRAM").classCode()).contains("DAB");
        Classification pet = classify("PT\\CT", "PET CT BRAIN");
        assertThat(pet.classCode()).contains("PCTSC");
        assertThat(pet.evidence().notes()).anySatisfy(n -> assertThat(n).contains("PET map CTS -> PCTSC"));
        assertThat(classify("PT\\MR", "PET MR BRAIN").classCode()).contains("MRPS");
        assertThat(classify("PT", "PET FDG").classCode()).contains("PCTGK");
        assertThat(classify("MG", "SCREENING BILATERAL").classCode()).contains("MAM");
    }

    @Test
    void appliesRulesToSeveralRegionsOfOneDescription() {
        Classification c = classify("CT", "CT THORAX AND ABDOMEN W CONTRAST");
        assertThat(c.classCode()).contains("CTTA");
        assertThat(c.evidence().rulesApplied()).contains("CTT+CTAB=CTTA");
        assertThat(classify("CT", "CTA HEAD AND NECK").classCode()).contains("CTGE");
        assertThat(classify("CT", "CT HEAD NECK").classCode()).contains("CTSH");
    }

    @Test
    void studiesWithoutDescriptionAreDecidedBySeriesVotesWithoutBlacklistedSeries() {
        StudyRecord s = study("",
                series("1", "MR", "Localizer KNEE", ""),
                series("2", "MR", "SAG T2 C-SPINE", "CSPINE"),
                series("3", "MR", "AX T2 HWS", ""),
                series("4", "MR", "Dose Report Knee", ""));
        Classification c = new StudyClassifier(MAPPING, NetworkVoter.NONE, ClassifierMode.METADATA).classify(s);
        assertThat(c.classCode()).contains("MRH");
        assertThat(c.decider()).isEqualTo("series-vote");
        assertThat(c.evidence().votes()).containsOnlyKeys("MRH");
        assertThat(c.evidence().matches()).allSatisfy(m -> assertThat(m.value()).doesNotContainIgnoringCase("knee"));
    }

    @Test
    void noMetadataAtAllFallsBackToTheModalityPriorWithLowConfidence() {
        Classification c = new StudyClassifier(MAPPING, NetworkVoter.NONE, ClassifierMode.METADATA)
                .classify(study("", series("1", "DX", "", "")));
        assertThat(c.classCode()).contains("KTH");
        assertThat(c.decider()).isEqualTo("modality-prior");
        assertThat(c.confidence()).isLessThan(0.3);
    }

    @Test
    void modesCombineNetworkVotesAsSpecified() {
        StudyRecord s = study("CT OF THE ABDOMEN", series("1", "CT", "", ""), series("2", "CT", "", ""),
                series("3", "CT", "", ""), series("4", "CT", "", ""));
        // four confident network votes for CT Thorax against a full keyword match for CT Abdomen:
        // merged weighs the description as 4 series x 1.5 = 6 against 4 x 0.9 = 3.6
        NetworkVoter thorax = st -> st.series().stream().map(x -> new SeriesVote(x.seriesInstanceUid(), "CTT", 0.9)).toList();
        Classification merged = new StudyClassifier(MAPPING, thorax, ClassifierMode.MERGED).classify(s);
        assertThat(merged.classCode()).contains("CTAB");
        assertThat(merged.decider()).isEqualTo("merged");
        assertThat(merged.evidence().votes()).containsEntry("CTAB", 6.0);
        assertThat(merged.evidence().votes().get("CTT")).isCloseTo(3.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(new StudyClassifier(MAPPING, thorax, ClassifierMode.NETWORK).classify(s).classCode()).contains("CTT");
        assertThat(new StudyClassifier(MAPPING, thorax, ClassifierMode.NETWORK_LAST).classify(s).classCode()).contains("CTAB");
        StudyRecord bare = study("", series("1", "CT", "", ""), series("2", "CT", "", ""));
        Classification last = new StudyClassifier(MAPPING, thorax, ClassifierMode.NETWORK_LAST).classify(bare);
        assertThat(last.classCode()).contains("CTT");
        assertThat(last.decider()).isEqualTo("network");
        // a partial (typo-tolerant) match weighs only n x 0.5 = 2 and loses to 3.6
        StudyRecord typo = study("CT OF THE ABDOMNE", series("1", "CT", "", ""), series("2", "CT", "", ""),
                series("3", "CT", "", ""), series("4", "CT", "", ""));
        assertThat(new StudyClassifier(MAPPING, thorax, ClassifierMode.MERGED).classify(typo).classCode()).contains("CTT");
        // network votes under the threshold (0.15) do not count
        NetworkVoter weak = st -> List.of(new SeriesVote("1", "CTT", 0.1));
        assertThat(new StudyClassifier(MAPPING, weak, ClassifierMode.NETWORK).classify(bare).classCode()).isEmpty();
    }

    @Test
    void procedureCodesAndExactDescriptionsComeFirst() {
        var content = DefaultContent.load();
        List<org.importdesk.mapping.ProcedureCodeMapping> codes = new ArrayList<>();
        codes.add(new org.importdesk.mapping.ProcedureCodeMapping("RAD123", "*", "KSC"));
        CompiledMapping m = new CompiledMapping(content.withProcedureCodes(codes));
        StudyRecord s = TextStudies.study("x", "CR", "XR CHEST", "", "", "", "RAD123^LOCAL");
        Classification c = new StudyClassifier(m, NetworkVoter.NONE, ClassifierMode.METADATA).classify(s);
        assertThat(c.classCode()).contains("KSC");
        assertThat(c.decider()).isEqualTo("procedure-code");
        assertThat(classify("CT", "CT Thorax + Abdomen").decider()).isEqualTo("exact-description");
    }
}
