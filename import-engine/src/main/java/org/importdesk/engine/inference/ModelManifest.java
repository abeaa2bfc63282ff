package org.importdesk.engine.inference;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.importdesk.engine.imaging.InputEncoding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a model in {@code models/<name>/manifest.json} is: which modality it votes for, which class codes its outputs
 * mean (in output order), the input it expects, its temperature, where it came from, how well it did and the SHA-256
 * of its weights (checked before every load).
 */
public record ModelManifest(int formatVersion, String name, String modality, String architecture,
                            List<String> classCodes, Input input, double temperature, String weightsFile,
                            String weightsSha256, Provenance training, Metrics metrics) {

    public static final String FILE_NAME = "manifest.json";
    public static final int FORMAT_VERSION = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    /**
     * @param size           S: the network sees 3 x S x S
     * @param representation how a series becomes 3 channels; {@value #MOMO_REPRESENTATION} is the paper's
     * @param normalisation  how grey values reach the network; {@value #UNIT_RANGE} = each image scaled to [0,1]
     * @param trainingStatistics summary of the training inputs (absent in older manifests: no distance check)
     */
    public record Input(int size, int channels, String representation, String normalisation,
                        InputStatistics trainingStatistics) {
        public static final String MOMO_REPRESENTATION =
                InputEncoding.Layout.MOMO.text();
        public static final String UNIT_RANGE = InputEncoding.Scaling.MIN_MAX.text();

        public Input(int size, int channels, String representation, String normalisation) {
            this(size, channels, representation, normalisation, null);
        }

        /** The encoding these words name, empty when this ImportDesk cannot produce it. */
        public java.util.Optional<InputEncoding> encoding() {
            return InputEncoding.fromText(representation, normalisation);
        }

        public Input withTrainingStatistics(InputStatistics statistics) {
            return new Input(size, channels, representation, normalisation, statistics);
        }
    }

    /** Where the weights came from. */
    public record Provenance(String data, List<String> sources, String licence, String command, String trainedAt,
                             Map<String, String> hyperparameters) {
    }

    /** Held-out figures; the k-fold figures are per-fold test accuracies. */
    public record Metrics(int trainCount, int validationCount, int testCount, double testAccuracy,
                          double eceBefore, double eceAfter, double nllBefore, double nllAfter,
                          List<Double> crossValidationAccuracies, Map<String, Integer> samplesPerClass) {
    }

    public ModelManifest {
        if (classCodes == null || classCodes.isEmpty()) {
            throw new IllegalArgumentException("a model manifest needs at least one class code");
        }
        classCodes = List.copyOf(classCodes);
        if (modality == null || modality.isBlank()) {
            throw new IllegalArgumentException("a model manifest needs a modality");
        }
        if (input == null || input.size() < 8) {
            throw new IllegalArgumentException("a model manifest needs an input size of at least 8");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0: " + temperature);
        }
    }

    public ModelManifest withTemperature(double t) {
        return new ModelManifest(formatVersion, name, modality, architecture, classCodes, input, t, weightsFile,
                weightsSha256, training, metrics);
    }

    public ModelManifest withWeights(String file, String sha256) {
        return new ModelManifest(formatVersion, name, modality, architecture, classCodes, input, temperature, file,
                sha256, training, metrics);
    }

    public ModelManifest withInput(Input i) {
        return new ModelManifest(formatVersion, name, modality, architecture, classCodes, i, temperature,
                weightsFile, weightsSha256, training, metrics);
    }

    public ModelManifest withMetrics(Metrics m) {
        return new ModelManifest(formatVersion, name, modality, architecture, classCodes, input, temperature,
                weightsFile, weightsSha256, training, m);
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    public static ModelManifest fromJson(String json) {
        ModelManifest manifest;
        try {
            manifest = GSON.fromJson(json, ModelManifest.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not a model manifest: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Gson wraps what the records' own checks refuse (a missing field, a value out of range)
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("incomplete or invalid model manifest: " + why.getMessage(), e);
        }
        if (manifest == null) {
            throw new IllegalArgumentException("empty model manifest");
        }
        if (manifest.formatVersion() != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported manifest formatVersion " + manifest.formatVersion()
                    + " (this ImportDesk reads " + FORMAT_VERSION + ")");
        }
        if (manifest.weightsFile() == null || manifest.weightsSha256() == null) {
            throw new IllegalArgumentException("manifest " + manifest.name() + " names no weights file or SHA-256");
        }
        return manifest;
    }

    public static ModelManifest read(Path file) throws IOException {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8);
    }
}
