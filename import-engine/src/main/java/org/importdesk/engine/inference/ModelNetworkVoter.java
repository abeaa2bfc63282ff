package org.importdesk.engine.inference;

import org.importdesk.engine.classify.NetworkVoter;
import org.importdesk.engine.classify.SeriesVote;
import org.importdesk.engine.media.SeriesRecord;
import org.importdesk.engine.media.StudyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MOMO's network layer: each series that may vote is read by its modality's network; the calibrated confidence of the
 * predicted class is the weight of its vote. Series with a blacklisted description, without an image, of a modality
 * without a network, or whose vote falls under the minimum confidence do not vote. Networks load lazily from the
 * model repository, once, and stay loaded until {@link #close()}.
 */
public final class ModelNetworkVoter implements NetworkVoter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelNetworkVoter.class);

    /**
     * Inputs farther than this (largest |z| of {@link InputStatistics}' features) from the training inputs are unlike
     * anything the model saw: their confidence is multiplied by (limit / distance)^2, so a confident vote on a foreign
     * input becomes a weak one (and under the minimum confidence, none).
     */
    public static final double MAX_INPUT_DISTANCE = 4.0;

    private final ModelRepository repository;
    private final SeriesInputs inputs;
    private final VoterSettings settings;
    private final Map<String, Optional<NetworkModel>> loaded = new HashMap<>();
    private final Map<String, String> refused = new java.util.concurrent.ConcurrentHashMap<>();

    public ModelNetworkVoter(ModelRepository repository, SeriesInputs inputs, VoterSettings settings) {
        this.repository = repository;
        this.inputs = inputs;
        this.settings = settings;
    }

    /**
     * The voter of the installed models ({@link ModelRepository#defaultLocation()}) reading series through the
     * imaging package's MOMO representation.
     */
    public static ModelNetworkVoter installed() {
        return new ModelNetworkVoter(ModelRepository.defaultLocation(),
                new org.importdesk.engine.imaging.NetworkInputs()::chw, VoterSettings.DEFAULT);
    }

    /** Why a series did or did not vote, for the explanation shown with a proposal. */
    public record SeriesOutcome(String seriesInstanceUid, Optional<SeriesVote> vote, String reason) {
    }

    @Override
    public List<SeriesVote> votes(StudyRecord study) {
        return explain(study).stream().flatMap(o -> o.vote().stream()).toList();
    }

    public List<SeriesOutcome> explain(StudyRecord study) {
        boolean petStudy = study.series().stream()
                .anyMatch(s -> s.modality() != null && s.modality().trim().equalsIgnoreCase("PT"));
        List<SeriesOutcome> outcomes = new ArrayList<>();
        for (SeriesRecord series : study.series()) {
            outcomes.add(outcome(series, petStudy));
        }
        return outcomes;
    }

    private SeriesOutcome outcome(SeriesRecord series, boolean petStudy) {
        String uid = series.seriesInstanceUid();
        String modality = series.modality() == null ? "" : series.modality().trim().toUpperCase(Locale.ROOT);
        if (settings.noImageModalities().contains(modality)) {
            return new SeriesOutcome(uid, Optional.empty(), "modality " + modality + " carries no image to read");
        }
        Optional<String> term = settings.blacklistedTerm(series.seriesDescription());
        if (term.isPresent()) {
            return new SeriesOutcome(uid, Optional.empty(), "blacklisted series (\"" + term.get() + "\")");
        }
        Optional<String> network = ModalityNetworks.networkFor(modality);
        if (network.isEmpty()) {
            return new SeriesOutcome(uid, Optional.empty(), modality.equals("PT")
                    ? "PET images are not read; the CT or MR series of the study vote for the PET class"
                    : "no network for modality " + modality);
        }
        if (network.get().equals("MG")) {
            return new SeriesOutcome(uid, Optional.of(new SeriesVote(uid, ModalityNetworks.MAMMOGRAPHY, 1.0)),
                    "mammography has a single class");
        }
        Optional<NetworkModel> model = model(network.get());
        if (model.isEmpty()) {
            return new SeriesOutcome(uid, Optional.empty(), refused.getOrDefault(network.get(),
                    "no " + network.get() + " network installed"));
        }
        ModelManifest.Input spec = model.get().manifest().input();
        Optional<float[]> input;
        try {
            input = inputs.input(series, spec.size(), spec.encoding().orElseThrow());
        } catch (IOException | RuntimeException e) {
            LOG.debug("series {}: no network input: {}", uid, e.toString());
            return new SeriesOutcome(uid, Optional.empty(), "no network input: " + e.getMessage());
        }
        if (input.isEmpty()) {
            return new SeriesOutcome(uid, Optional.empty(), "no decodable image");
        }
        Prediction prediction = model.get().predict(input.get());
        String classCode = prediction.classCode();
        String reason = model.get().manifest().name() + " predicts " + classCode;
        double confidence = prediction.confidence();
        if (spec.trainingStatistics() != null) {
            double distance = spec.trainingStatistics().distance(input.get());
            if (distance > MAX_INPUT_DISTANCE) {
                double factor = Math.pow(MAX_INPUT_DISTANCE / distance, 2);
                reason += String.format(Locale.ROOT, ", input unlike the training data (distance %.1f > %.1f): "
                        + "confidence %.3f x %.3f", distance, MAX_INPUT_DISTANCE, confidence, factor);
                confidence *= factor;
            }
        }
        if (petStudy && (network.get().equals("CT") || network.get().equals("MR"))) {
            Optional<String> pet = ModalityNetworks.petClassFor(classCode);
            if (pet.isPresent()) {
                reason += ", PET study: " + pet.get();
                classCode = pet.get();
            }
        }
        if (confidence < settings.minConfidence()) {
            return new SeriesOutcome(uid, Optional.empty(), String.format(Locale.ROOT,
                    "%s with confidence %.3f, under %.2f: dropped", reason, confidence, settings.minConfidence()));
        }
        return new SeriesOutcome(uid, Optional.of(new SeriesVote(uid, classCode, confidence)),
                String.format(Locale.ROOT, "%s (confidence %.3f)", reason, confidence));
    }

    private synchronized Optional<NetworkModel> model(String modality) {
        return loaded.computeIfAbsent(modality, m -> {
            try {
                Optional<ModelRepository.Entry> entry = repository.forModality(m);
                if (entry.isEmpty()) {
                    return Optional.empty();
                }
                Optional<ModelManifest> manifest = entry.get().manifest();
                ModelManifest.Input spec = manifest.map(ModelManifest::input).orElse(null);
                if (spec != null && spec.encoding().isEmpty()) {
                    String why = "the " + m + " network " + manifest.get().name() + " needs an input ("
                            + spec.representation() + "; " + spec.normalisation()
                            + ") this ImportDesk cannot produce: not used";
                    LOG.warn(why);
                    refused.put(m, why);
                    return Optional.empty();
                }
                return Optional.of(repository.load(entry.get()));
            } catch (IOException e) {
                LOG.warn("the {} network cannot be used: {}", m, e.getMessage());
                return Optional.empty();
            }
        });
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(m -> m.ifPresent(NetworkModel::close));
        loaded.clear();
    }
}
