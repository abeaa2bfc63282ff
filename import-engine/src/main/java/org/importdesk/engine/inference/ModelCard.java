package org.importdesk.engine.inference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The model card ({@code MODEL_CARD.md}) written beside every trained model, from its manifest. */
public final class ModelCard {

    public static final String FILE_NAME = "MODEL_CARD.md";

    private ModelCard() {
    }

    public static String render(ModelManifest m) {
        ModelManifest.Metrics metrics = m.metrics();
        ModelManifest.Provenance training = m.training();
        StringBuilder sb = new StringBuilder();
        sb.append("# Model card: ").append(m.name()).append("\n\n");
        sb.append("MOMO network for **").append(m.modality()).append("** series: one vote per series, weighted by ")
                .append("the calibrated confidence softmax(logits / T).\n\n");
        sb.append("| | |\n|---|---|\n");
        sb.append("| classes (output order) | ").append(String.join(", ", m.classCodes())).append(" |\n");
        sb.append("| architecture | ").append(m.architecture()).append(" (about 245 k parameters, trained from scratch) |\n");
        sb.append(String.format(Locale.ROOT, "| input | 3 x %d x %d: %s; %s |%n", m.input().size(), m.input().size(),
                m.input().representation(), m.input().normalisation()));
        sb.append(String.format(Locale.ROOT, "| temperature T | %.4f (fitted on the validation split: minimum ECE over 10 bins among T whose NLL is no worse than at T = 1) |%n",
                m.temperature()));
        InputStatistics stats = m.input().trainingStatistics();
        if (stats != null) {
            StringBuilder f = new StringBuilder();
            for (int i = 0; i < stats.features().size(); i++) {
                f.append(String.format(Locale.ROOT, "%s%s %.3f +- %.3f", i == 0 ? "" : ", ",
                        stats.features().get(i), stats.mean()[i], stats.sd()[i]));
            }
            sb.append(String.format(Locale.ROOT, "| training inputs | %d: %s; an input farther than %.0f standard "
                    + "deviations on any of these loses confidence (x (%.0f / distance)^2) |%n", stats.count(), f,
                    ModelNetworkVoter.MAX_INPUT_DISTANCE, ModelNetworkVoter.MAX_INPUT_DISTANCE));
        }
        sb.append("| weights | `").append(m.weightsFile()).append("`, SHA-256 `").append(m.weightsSha256()).append("` |\n");
        if (training != null) {
            sb.append("| data | ").append(training.data()).append(" |\n");
            sb.append("| licence of the data | ").append(training.licence()).append(" |\n");
            sb.append("| trained | ").append(training.trainedAt()).append(" with `").append(training.command())
                    .append("` |\n");
        }
        sb.append("\n## Figures\n\n");
        if (metrics != null) {
            sb.append(String.format(Locale.ROOT, "- Split of the kept model: %d train, %d validation, %d test "
                    + "(stratified); samples per class %s.%n", metrics.trainCount(), metrics.validationCount(),
                    metrics.testCount(), metrics.samplesPerClass()));
            sb.append(String.format(Locale.ROOT, "- Test accuracy (per image): %.4f.%n", metrics.testAccuracy()));
            sb.append(String.format(Locale.ROOT, "- Expected calibration error on the test split: %.4f before, %.4f "
                    + "after temperature scaling; NLL %.4f before, %.4f after.%n", metrics.eceBefore(),
                    metrics.eceAfter(), metrics.nllBefore(), metrics.nllAfter()));
            List<Double> cv = metrics.crossValidationAccuracies();
            if (cv != null && cv.size() >= 3) {
                double[] ci = ModelTrainer.meanAndCi95(cv);
                sb.append(String.format(Locale.ROOT, "- %d-fold cross-validation accuracy %.4f (95%% CI %.4f-%.4f); "
                        + "folds: %s.%n", cv.size(), ci[0], ci[1], ci[2],
                        cv.stream().map(a -> String.format(Locale.ROOT, "%.4f", a)).toList()));
            }
            sb.append("- Reliability diagram before/after temperature scaling: `").append(ModelTrainer.RELIABILITY_PNG)
                    .append("` (red: mean confidence, blue: accuracy per confidence bin).\n");
        }
        if (training != null && training.hyperparameters() != null) {
            sb.append("\n## Training settings\n\n");
            for (Map.Entry<String, String> e : training.hyperparameters().entrySet()) {
                sb.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
            }
        }
        sb.append("\n## Limits\n\n");
        sb.append("- Demonstration model. It covers only the classes listed above; every other ").append(m.modality())
                .append(" class can only come from the metadata part of MOMO.\n");
        sb.append("- The figures are per single image of the training data's own distribution. Real series from ")
                .append("other hospitals (other scanners, MIP inputs of volumes, other windowing) will score lower; ")
                .append("do not read these figures as clinical performance.\n");
        sb.append("- A hospital should train its own networks on its own studies (`importdesk train --dicom DIR ")
                .append("--labels CSV`), as MOMO did on 11,934 labelled series, and keep the metadata layer first.\n");
        return sb.toString();
    }

    public static Path write(Path modelDir, ModelManifest manifest) throws IOException {
        Path file = modelDir.resolve(FILE_NAME);
        Files.writeString(file, render(manifest), StandardCharsets.UTF_8);
        return file;
    }
}
