package org.importdesk.engine.inference;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains one modality's network (MOMO's recipe, see {@link TrainingConfig}), fits its temperature on the validation
 * split, measures it on the test split, writes weights, manifest, reliability diagram and a cross-validation report.
 */
public final class ModelTrainer {

    public static final String WEIGHTS_FILE = "weights.params";
    public static final String RELIABILITY_PNG = "reliability.png";

    private final Consumer<String> log;

    public ModelTrainer(Consumer<String> log) {
        this.log = log;
        InferenceEnvironment.configure();
    }

    /** One fold's outcome: mean loss per epoch and the held-out logits. */
    public record FoldResult(int fold, List<Double> epochLosses, List<float[]> validationLogits,
                             int[] validationLabels, List<float[]> testLogits, int[] testLabels, double testAccuracy) {
    }

    /** What a training run produced. */
    public record Result(ModelManifest manifest, Path directory, Path reliabilityDiagram, List<FoldResult> folds) {
    }

    /** The index sets of one split. */
    record Split(int[] train, int[] validation, int[] test) {
    }

    public Result train(LabelledInputs data, String name, String modality, ModelManifest.Provenance provenance,
                        TrainingConfig config, Path outDir) throws IOException {
        return train(data, name, modality, provenance, config, outDir,
                org.importdesk.engine.imaging.InputEncoding.MOMO_MIN_MAX);
    }

    /**
     * Trains on inputs built with {@code encoding} (recorded in the manifest, with the training split's input
     * statistics, so that inference feeds the model the same representation and can tell foreign inputs).
     */
    public Result train(LabelledInputs data, String name, String modality, ModelManifest.Provenance provenance,
                        TrainingConfig config, Path outDir, org.importdesk.engine.imaging.InputEncoding encoding)
            throws IOException {
        if (data.classCodes().size() < 2) {
            throw new IllegalArgumentException("a network needs at least two classes to choose from; got "
                    + data.classCodes());
        }
        List<Split> splits = splits(data.labels(), data.classCodes().size(), config);
        Files.createDirectories(outDir);
        List<FoldResult> folds = new ArrayList<>();
        ModelManifest manifest = null;
        Path diagram = outDir.resolve(RELIABILITY_PNG);
        for (int f = 0; f < splits.size(); f++) {
            Split split = splits.get(f);
            log.accept(String.format("fold %d/%d: %d train, %d validation, %d test", f + 1, splits.size(),
                    split.train().length, split.validation().length, split.test().length));
            byte[][] weights = new byte[1][];
            FoldResult result = trainFold(f, data, split, config, bytes -> weights[0] = bytes);
            folds.add(result);
            log.accept(String.format("fold %d: test accuracy %.4f", f + 1, result.testAccuracy()));
            if (f == 0) {
                Path weightsFile = outDir.resolve(WEIGHTS_FILE);
                Files.write(weightsFile, weights[0]);
                double t = Calibration.fitTemperature(result.validationLogits(), result.validationLabels(),
                        Calibration.DEFAULT_BINS);
                ReliabilityDiagram.Panel before = ReliabilityDiagram.panel("before temperature scaling (T = 1)",
                        result.testLogits(), result.testLabels(), 1.0);
                ReliabilityDiagram.Panel after = ReliabilityDiagram.panel(
                        String.format("after temperature scaling (T = %.3f)", t), result.testLogits(),
                        result.testLabels(), t);
                ReliabilityDiagram.write(diagram, name + " (" + modality + "), test split of fold 1, "
                        + result.testLabels().length + " images", before, after);
                manifest = new ModelManifest(ModelManifest.FORMAT_VERSION, name, modality, CompactCnn.NAME,
                        data.classCodes(),
                        new ModelManifest.Input(data.size(), 3, encoding.representationText(),
                                encoding.normalisationText(), InputStatistics.of(java.util.Arrays.stream(
                                split.train()).mapToObj(data.inputs()::get).toList())),
                        t, WEIGHTS_FILE, Sha256.of(weightsFile), provenance,
                        new ModelManifest.Metrics(split.train().length, split.validation().length,
                                split.test().length, result.testAccuracy(), before.ece(), after.ece(), before.nll(),
                                after.nll(), List.of(), data.countsPerClass()));
                log.accept(String.format("temperature %.4f: test ECE %.4f -> %.4f, NLL %.4f -> %.4f", t,
                        before.ece(), after.ece(), before.nll(), after.nll()));
            }
        }
        if (config.folds() >= 4) {
            ModelManifest.Metrics m = manifest.metrics();
            manifest = manifest.withMetrics(new ModelManifest.Metrics(m.trainCount(), m.validationCount(),
                    m.testCount(), m.testAccuracy(), m.eceBefore(), m.eceAfter(), m.nllBefore(), m.nllAfter(),
                    folds.stream().map(FoldResult::testAccuracy).toList(), m.samplesPerClass()));
        }
        manifest.write(outDir.resolve(ModelManifest.FILE_NAME));
        Files.writeString(outDir.resolve("training-report.txt"), report(manifest, folds));
        ModelCard.write(outDir, manifest);
        return new Result(manifest, outDir, diagram, folds);
    }

    /** Mean and normal-approximation 95% confidence interval of the fold accuracies. */
    public static double[] meanAndCi95(List<Double> values) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (values.size() < 2) {
            return new double[]{mean, mean, mean};
        }
        double var = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1);
        double half = 1.96 * Math.sqrt(var / values.size());
        return new double[]{mean, mean - half, mean + half};
    }

    static String report(ModelManifest manifest, List<FoldResult> folds) {
        StringBuilder sb = new StringBuilder();
        sb.append("model ").append(manifest.name()).append(" (").append(manifest.modality()).append("), classes ")
                .append(manifest.classCodes()).append(", input ").append(manifest.input().size()).append('\n');
        sb.append("samples per class ").append(manifest.metrics().samplesPerClass()).append('\n');
        for (FoldResult f : folds) {
            sb.append(String.format("fold %d: test accuracy %.4f (%d test), epoch losses %s%n", f.fold() + 1,
                    f.testAccuracy(), f.testLabels().length,
                    f.epochLosses().stream().map(l -> String.format("%.4f", l)).toList()));
        }
        if (folds.size() >= 3) {
            double[] ci = meanAndCi95(folds.stream().map(FoldResult::testAccuracy).toList());
            sb.append(String.format("%d-fold cross-validation accuracy %.4f (95%% CI %.4f-%.4f)%n", folds.size(),
                    ci[0], ci[1], ci[2]));
        }
        ModelManifest.Metrics m = manifest.metrics();
        sb.append(String.format("kept model (fold 1): test accuracy %.4f, T %.4f, ECE %.4f -> %.4f, NLL %.4f -> %.4f%n",
                m.testAccuracy(), manifest.temperature(), m.eceBefore(), m.eceAfter(), m.nllBefore(), m.nllAfter()));
        return sb.toString();
    }

    FoldResult trainFold(int fold, LabelledInputs data, Split split, TrainingConfig config,
                         Consumer<byte[]> weightsSink) throws IOException {
        int size = data.size();
        int classes = data.classCodes().size();
        Device device = InferenceEnvironment.device();
        int stepsPerEpoch = split.train().length / config.batchSize();
        if (stepsPerEpoch == 0) {
            throw new IllegalArgumentException("fewer training samples (" + split.train().length
                    + ") than one batch (" + config.batchSize() + ")");
        }
        float lr = (float) config.learningRate();
        double decay = config.learningRateDecay();
        Tracker schedule = update -> (float) (lr * Math.pow(decay, (double) update / stepsPerEpoch));
        try (Model model = Model.newInstance("training-fold-" + fold, device, "PyTorch")) {
            SequentialBlock net = buildNetwork(model.getNDManager(), classes, config);
            model.setBlock(net);
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(schedule)
                            .optWeightDecays((float) config.weightDecay()).build())
                    .optDevices(new Device[]{device});
            List<Double> losses = new ArrayList<>();
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(CompactCnn.inputShape(config.batchSize(), size));
                Random random = new Random(config.seed() * 31 + fold);
                List<Integer> order = new ArrayList<>();
                for (int i : split.train()) {
                    order.add(i);
                }
                int length = 3 * size * size;
                for (int epoch = 0; epoch < config.epochs(); epoch++) {
                    Collections.shuffle(order, random);
                    double lossSum = 0;
                    for (int step = 0; step < stepsPerEpoch; step++) {
                        FloatBuffer x = FloatBuffer.allocate(config.batchSize() * length);
                        float[] y = new float[config.batchSize()];
                        for (int b = 0; b < config.batchSize(); b++) {
                            int index = order.get(step * config.batchSize() + b);
                            x.put(Augmentation.apply(data.inputs().get(index), size, config.augmentProbability(),
                                    random));
                            y[b] = data.labels()[index];
                        }
                        x.flip();
                        try (NDManager batch = trainer.getManager().newSubManager()) {
                            NDArray input = batch.create(x, CompactCnn.inputShape(config.batchSize(), size));
                            NDArray labels = batch.create(y);
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray out = trainer.forward(new NDList(input)).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(labels), new NDList(out));
                                collector.backward(loss);
                                lossSum += loss.getFloat();
                            }
                            trainer.step();
                        }
                    }
                    losses.add(lossSum / stepsPerEpoch);
                    log.accept(String.format("fold %d epoch %d/%d: loss %.4f, lr %.2e", fold + 1, epoch + 1,
                            config.epochs(), lossSum / stepsPerEpoch, schedule.getNewValue(epoch * stepsPerEpoch)));
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                net.saveParameters(out);
            }
            weightsSink.accept(bytes.toByteArray());
            ModelManifest evaluationManifest = new ModelManifest(ModelManifest.FORMAT_VERSION, "fold-" + fold,
                    "NONE", CompactCnn.NAME, data.classCodes(),
                    new ModelManifest.Input(size, 3, ModelManifest.Input.MOMO_REPRESENTATION,
                            ModelManifest.Input.UNIT_RANGE), 1.0, WEIGHTS_FILE, "", null, null);
            NetworkModel evaluation = NetworkModel.of(evaluationManifest, model);
            LabelledInputs validation = data.subset(split.validation());
            LabelledInputs test = data.subset(split.test());
            List<float[]> validationLogits = batchedLogits(evaluation, validation.inputs());
            List<float[]> testLogits = batchedLogits(evaluation, test.inputs());
            return new FoldResult(fold, losses, validationLogits, validation.labels(), testLogits, test.labels(),
                    Calibration.accuracy(testLogits, test.labels()));
        }
    }

    private static List<float[]> batchedLogits(NetworkModel model, List<float[]> inputs) {
        List<float[]> logits = new ArrayList<>(inputs.size());
        for (int from = 0; from < inputs.size(); from += 64) {
            logits.addAll(model.logits(inputs.subList(from, Math.min(inputs.size(), from + 64))));
        }
        return logits;
    }

    private SequentialBlock buildNetwork(NDManager manager, int classes, TrainingConfig config) throws IOException {
        if (config.backbone().isEmpty()) {
            return CompactCnn.build(classes);
        }
        Path dir = config.backbone().get();
        ModelManifest backbone = ModelManifest.read(dir.resolve(ModelManifest.FILE_NAME));
        Path weights = dir.resolve(backbone.weightsFile());
        String sha = Sha256.of(weights);
        if (!sha.equalsIgnoreCase(backbone.weightsSha256())) {
            throw new IOException("backbone " + dir + ": SHA-256 of its weights does not match its manifest");
        }
        SequentialBlock loaded = CompactCnn.build(backbone.classCodes().size());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(weights))) {
            loaded.loadParameters(manager, new DataInputStream(in));
        } catch (MalformedModelException e) {
            throw new IOException("backbone " + dir + ": " + e.getMessage(), e);
        }
        SequentialBlock net = backbone.classCodes().size() == classes
                ? loaded
                : new SequentialBlock().add(CompactCnn.featuresOf(loaded)).add(CompactCnn.head(classes));
        CompactCnn.freezeAllButLastBlockAndHead(net);
        log.accept("fine-tuning on backbone " + backbone.name() + ": only the last block and the classifier train");
        return net;
    }

    /** Stratified splits: per class, samples are shuffled and dealt round-robin to folds. */
    static List<Split> splits(int[] labels, int classes, TrainingConfig config) {
        Random random = new Random(config.seed());
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        byClass.forEach(list -> Collections.shuffle(list, random));
        List<Split> splits = new ArrayList<>();
        if (config.folds() == 1) {
            List<Integer> train = new ArrayList<>();
            List<Integer> validation = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (List<Integer> list : byClass) {
                int n = list.size();
                int nVal = Math.max(1, (int) Math.round(n * 0.15));
                int nTest = Math.max(1, (int) Math.round(n * 0.15));
                for (int j = 0; j < n; j++) {
                    (j < nVal ? validation : j < nVal + nTest ? test : train).add(list.get(j));
                }
            }
            splits.add(new Split(toArray(train), toArray(validation), toArray(test)));
            return splits;
        }
        int k = config.folds();
        int[] foldOf = new int[labels.length];
        for (List<Integer> list : byClass) {
            for (int j = 0; j < list.size(); j++) {
                foldOf[list.get(j)] = j % k;
            }
        }
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> validation = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (foldOf[i] == f) {
                    test.add(i);
                } else if (foldOf[i] == (f + 1) % k) {
                    validation.add(i);
                } else {
                    train.add(i);
                }
            }
            splits.add(new Split(toArray(train), toArray(validation), toArray(test)));
        }
        return splits;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    static String timestamp() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
