package org.importdesk.engine.inference;

import org.importdesk.engine.imaging.InputEncoding;
import org.importdesk.engine.media.SeriesRecord;
import org.importdesk.engine.media.StudyRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The voter feeds each model the input encoding its manifest names, refuses others, and distrusts foreign inputs. */
class InputEncodingVoterTest {

    private static final List<String> CLASSES = List.of("CTAB", "CTT", "CTS");
    private static final InputEncoding EQUALISED_MIDDLE = new InputEncoding(InputEncoding.Layout.MIDDLE_IMAGE,
            InputEncoding.Scaling.EQUALISED);

    @TempDir
    Path models;

    private static StudyRecord study(String uid) {
        return new StudyRecord("1.2.3", "", "", "", "", "", List.of(), "", "", List.of(
                new SeriesRecord(uid, "CT", 1, "Abdomen", "", "", List.of(), Optional.empty())));
    }

    private static float[] noisy(int size, float level, long seed) {
        Random random = new Random(seed);
        float[] x = new float[3 * size * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(0, Math.min(1, level + (float) random.nextGaussian() * 0.05f));
        }
        return x;
    }

    @Test
    void theManifestsEncodingIsWhatTheInputsAreAskedFor() throws Exception {
        RandomModels.write(models, "ct", "CT", CLASSES, new ModelManifest.Input(16, 3,
                EQUALISED_MIDDLE.representationText(), EQUALISED_MIDDLE.normalisationText()));
        List<InputEncoding> asked = new ArrayList<>();
        SeriesInputs inputs = (series, size, encoding) -> {
            asked.add(encoding);
            return Optional.of(noisy(size, 0.5f, 1));
        };
        try (ModelNetworkVoter voter = new ModelNetworkVoter(new ModelRepository(models), inputs,
                VoterSettings.DEFAULT)) {
            assertThat(voter.votes(study("s"))).hasSize(1);
        }
        assertThat(asked).containsExactly(EQUALISED_MIDDLE);
    }

    @Test
    void aModelWhoseInputCannotBeProducedIsRefused() throws Exception {
        RandomModels.write(models, "ct", "CT", CLASSES, new ModelManifest.Input(16, 3,
                "five MIPs at 30 degree steps", ModelManifest.Input.UNIT_RANGE));
        List<String> asked = new ArrayList<>();
        SeriesInputs inputs = (series, size, encoding) -> {
            asked.add(series.seriesInstanceUid());
            return Optional.of(noisy(size, 0.5f, 1));
        };
        try (ModelNetworkVoter voter = new ModelNetworkVoter(new ModelRepository(models), inputs,
                VoterSettings.DEFAULT)) {
            ModelNetworkVoter.SeriesOutcome outcome = voter.explain(study("s")).get(0);
            assertThat(outcome.vote()).isEmpty();
            assertThat(outcome.reason()).contains("cannot produce").contains("five MIPs");
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void inputsUnlikeTheTrainingDataLoseConfidence() throws Exception {
        List<float[]> training = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            training.add(noisy(16, 0.3f + 0.002f * i, i));
        }
        InputStatistics statistics = InputStatistics.of(training);
        ModelManifest.Input plain = new ModelManifest.Input(16, 3, ModelManifest.Input.MOMO_REPRESENTATION,
                ModelManifest.Input.UNIT_RANGE);
        Path withStats = models.resolve("with");
        Path without = models.resolve("without");
        RandomModels.write(withStats, "ct", "CT", CLASSES, plain.withTrainingStatistics(statistics));
        RandomModels.write(without, "ct", "CT", CLASSES, plain);
        // same weights file content is not needed: compare each model's own confidence on a familiar and a foreign input
        float[] familiar = noisy(16, 0.35f, 99);
        float[] foreign = noisy(16, 0.9f, 99);
        assertThat(statistics.distance(familiar)).isLessThan(ModelNetworkVoter.MAX_INPUT_DISTANCE);
        double foreignDistance = statistics.distance(foreign);
        assertThat(foreignDistance).isGreaterThan(ModelNetworkVoter.MAX_INPUT_DISTANCE);

        SeriesInputs foreignInputs = (series, size, encoding) -> Optional.of(foreign.clone());
        VoterSettings keepAll = new VoterSettings(0.0, VoterSettings.MOMO_BLACKLIST,
                VoterSettings.DEFAULT.noImageModalities());
        try (ModelNetworkVoter checked = new ModelNetworkVoter(new ModelRepository(withStats), foreignInputs, keepAll);
             NetworkModel raw = new ModelRepository(withStats).load(
                     new ModelRepository(withStats).forModality("CT").orElseThrow())) {
            ModelNetworkVoter.SeriesOutcome outcome = checked.explain(study("s")).get(0);
            double expected = raw.predict(foreign.clone()).confidence()
                    * Math.pow(ModelNetworkVoter.MAX_INPUT_DISTANCE / foreignDistance, 2);
            assertThat(outcome.vote()).get().satisfies(v ->
                    assertThat(v.confidence()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6)));
            assertThat(outcome.reason()).contains("unlike the training data");
        }
        try (ModelNetworkVoter unchecked = new ModelNetworkVoter(new ModelRepository(without), foreignInputs,
                keepAll)) {
            assertThat(unchecked.explain(study("s")).get(0).reason()).doesNotContain("unlike the training data");
        }
    }

    @Test
    void statisticsSurviveTheManifestRoundTrip() {
        InputStatistics statistics = InputStatistics.of(List.of(noisy(8, 0.2f, 1), noisy(8, 0.4f, 2)));
        ModelManifest.Input input = new ModelManifest.Input(8, 3, EQUALISED_MIDDLE.representationText(),
                EQUALISED_MIDDLE.normalisationText(), statistics);
        assertThat(input.encoding()).contains(EQUALISED_MIDDLE);
        String json = new com.google.gson.Gson().toJson(input);
        ModelManifest.Input back = new com.google.gson.Gson().fromJson(json, ModelManifest.Input.class);
        assertThat(back.trainingStatistics().mean()).containsExactly(statistics.mean());
        assertThat(back.trainingStatistics().sd()).containsExactly(statistics.sd());
        assertThat(Arrays.asList(InputEncoding.Scaling.values())).allSatisfy(s ->
                assertThat(InputEncoding.fromText(InputEncoding.Layout.MOMO.text(), s.text()))
                        .contains(new InputEncoding(InputEncoding.Layout.MOMO, s)));
        assertThat(InputEncoding.fromText("something", ModelManifest.Input.UNIT_RANGE)).isEmpty();
    }
}
