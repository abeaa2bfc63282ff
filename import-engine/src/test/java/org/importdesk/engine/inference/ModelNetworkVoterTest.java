package org.importdesk.engine.inference;

import org.importdesk.engine.classify.SeriesVote;
import org.importdesk.engine.media.SeriesRecord;
import org.importdesk.engine.media.StudyRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ModelNetworkVoterTest {

    private static final List<String> CT_CLASSES = List.of("CTAB", "CTT", "CTS");

    @TempDir
    static Path models;

    private final List<String> inputRequests = new ArrayList<>();
    private final SeriesInputs greyInputs = (series, size, encoding) -> {
        inputRequests.add(series.seriesInstanceUid());
        float[] input = new float[3 * size * size];
        Arrays.fill(input, 0.5f);
        return Optional.of(input);
    };

    @BeforeAll
    static void installModels() throws Exception {
        RandomModels.write(models, "ct", "CT", CT_CLASSES, 32);
    }

    private static SeriesRecord series(String uid, String modality, String description) {
        return new SeriesRecord(uid, modality, 1, description, "", "", List.of(), Optional.empty());
    }

    private static StudyRecord study(SeriesRecord... series) {
        return new StudyRecord("1.2.3", "", "", "", "", "", List.of(), "", "", List.of(series));
    }

    @Test
    void eachReadableSeriesVotesOnceWithItsCalibratedConfidence() {
        try (ModelNetworkVoter voter = new ModelNetworkVoter(new ModelRepository(models), greyInputs,
                VoterSettings.DEFAULT)) {
            List<SeriesVote> votes = voter.votes(study(
                    series("ct-topogram", "CT", "Topogram 0.6 T20f"),
                    series("ct-axial", "CT", "Abdomen 5.0 B30f"),
                    series("ct-dose", "CT", "Dose Report"),
                    series("sr", "SR", "Structured report"),
                    series("mg", "MG", "L CC"),
                    series("us", "US", "Abdomen")));

            assertThat(votes).extracting(SeriesVote::seriesInstanceUid).containsExactly("ct-axial", "mg");
            SeriesVote ct = votes.get(0);
            assertThat(CT_CLASSES).contains(ct.classCode());
            assertThat(ct.confidence()).isBetween(1.0 / 3, 1.0);
            assertThat(votes.get(1)).isEqualTo(new SeriesVote("mg", ModalityNetworks.MAMMOGRAPHY, 1.0));
            // blacklisted series are never even decoded; US has no installed network
            assertThat(inputRequests).containsExactly("ct-axial");
            assertThat(voter.explain(study(series("us", "US", "Abdomen"))).get(0).reason())
                    .contains("no US network installed");
        }
    }

    @Test
    void ctSeriesOfAPetStudyVoteForThePetClassAndPetImagesAreNotRead() {
        try (ModelNetworkVoter voter = new ModelNetworkVoter(new ModelRepository(models), greyInputs,
                VoterSettings.DEFAULT)) {
            String plain = voter.votes(study(series("ct", "CT", "WB"))).get(0).classCode();
            List<SeriesVote> votes = voter.votes(study(series("pet", "PT", "PET WB AC"), series("ct", "CT", "WB")));
            assertThat(votes).singleElement().satisfies(v -> {
                assertThat(v.seriesInstanceUid()).isEqualTo("ct");
                assertThat(v.classCode()).isEqualTo(ModalityNetworks.petClassFor(plain).orElseThrow());
            });
            assertThat(ModalityNetworks.petClassFor("CTS")).contains("PCTSC");
            assertThat(ModalityNetworks.petClassFor("MRM")).contains("MRPM");
        }
    }

    @Test
    void votesUnderTheMinimumConfidenceAreDropped() {
        VoterSettings strict = new VoterSettings(0.999, VoterSettings.MOMO_BLACKLIST,
                VoterSettings.DEFAULT.noImageModalities());
        try (ModelNetworkVoter voter = new ModelNetworkVoter(new ModelRepository(models), greyInputs, strict)) {
            ModelNetworkVoter.SeriesOutcome outcome = voter.explain(study(series("ct", "CT", "Thorax"))).get(0);
            assertThat(outcome.vote()).isEmpty();
            assertThat(outcome.reason()).contains("dropped");
        }
        try (ModelNetworkVoter voter = new ModelNetworkVoter(new ModelRepository(models), SeriesInputs.NONE,
                VoterSettings.DEFAULT)) {
            assertThat(voter.votes(study(series("ct", "CT", "Thorax")))).isEmpty();
        }
    }

    @Test
    void modalitiesMapToTheirNetworks() {
        assertThat(ModalityNetworks.networkFor("DX")).contains("CR");
        assertThat(ModalityNetworks.networkFor("RF")).contains("XA");
        assertThat(ModalityNetworks.networkFor("PT")).isEmpty();
        assertThat(ModalityNetworks.networkFor("OT")).isEmpty();
        assertThat(VoterSettings.DEFAULT.blacklistedTerm("SCOUT", "x")).contains("scout");
        assertThat(VoterSettings.DEFAULT.blacklistedTerm("T2 TSE AX")).isEmpty();
    }
}
