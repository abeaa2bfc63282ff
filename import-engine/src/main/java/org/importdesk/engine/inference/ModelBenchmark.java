package org.importdesk.engine.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Timings of the installed networks: engine start, model load (SHA-256 check included) and per-input inference, with
 * the time to read and resize the image shown apart. Inputs are MedNIST images of the model's classes (the last files
 * by name, which the demonstration models never saw in training).
 */
public final class ModelBenchmark {

    /** Engine start-up, once per process. */
    public record EngineStart(String engine, String version, String device, double millis) {
    }

    /** One model's figures. */
    public record ModelTimings(String model, double loadMillis, int inputs, double networkMeanMillis,
                               double networkP95Millis, double networkMaxMillis, double imageMeanMillis,
                               double accuracy) {
        public String describe() {
            return inputs == 0
                    ? String.format(Locale.ROOT, "%-16s load %.0f ms; no images of its classes to time", model,
                    loadMillis)
                    : String.format(Locale.ROOT, "%-16s load %.0f ms; %d inputs: network mean %.2f ms, p95 %.2f ms, "
                            + "max %.2f ms; image read+resize mean %.2f ms; accuracy on them %.3f", model,
                    loadMillis, inputs, networkMeanMillis, networkP95Millis, networkMaxMillis, imageMeanMillis,
                    accuracy);
        }
    }

    private ModelBenchmark() {
    }

    public static EngineStart startEngine() {
        long t0 = System.nanoTime();
        InferenceEnvironment.configure();
        ai.djl.engine.Engine engine = ai.djl.engine.Engine.getEngine("PyTorch");
        String device = InferenceEnvironment.device().toString();
        return new EngineStart(engine.getEngineName(), engine.getVersion(), device, (System.nanoTime() - t0) / 1e6);
    }

    public static ModelTimings time(ModelRepository repository, ModelRepository.Entry entry, Path mednist,
                                    int count) throws IOException {
        long load = System.nanoTime();
        try (NetworkModel model = repository.load(entry)) {
            double loadMillis = (System.nanoTime() - load) / 1e6;
            List<Path> files = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            List<Map.Entry<String, String>> folders = ImageFolders.MEDNIST_CLASSES.entrySet().stream()
                    .filter(e -> model.manifest().classCodes().contains(e.getValue()))
                    .sorted(Map.Entry.comparingByKey()).toList();
            int perFolder = Math.max(1, count / Math.max(1, folders.size()));
            for (Map.Entry<String, String> folder : folders) {
                Path dir = mednist.resolve(folder.getKey());
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> s = Files.list(dir)) {
                    List<Path> all = s.sorted().toList();
                    for (Path f : all.subList(Math.max(0, all.size() - perFolder), all.size())) {
                        files.add(f);
                        expected.add(folder.getValue());
                    }
                }
            }
            if (files.isEmpty()) {
                return new ModelTimings(model.manifest().name(), loadMillis, 0, 0, 0, 0, 0, 0);
            }
            int size = model.manifest().input().size();
            org.importdesk.engine.imaging.InputEncoding.Scaling scaling = model.manifest().input().encoding()
                    .map(org.importdesk.engine.imaging.InputEncoding::scaling)
                    .orElse(org.importdesk.engine.imaging.InputEncoding.Scaling.MIN_MAX);
            model.predict(InputImages.fromImageFile(files.get(0), size, scaling));
            double[] image = new double[files.size()];
            double[] network = new double[files.size()];
            int correct = 0;
            for (int i = 0; i < files.size(); i++) {
                long a = System.nanoTime();
                float[] input = InputImages.fromImageFile(files.get(i), size, scaling);
                long b = System.nanoTime();
                Prediction p = model.predict(input);
                long c = System.nanoTime();
                image[i] = (b - a) / 1e6;
                network[i] = (c - b) / 1e6;
                if (p.classCode().equals(expected.get(i))) {
                    correct++;
                }
            }
            return new ModelTimings(model.manifest().name(), loadMillis, files.size(), mean(network),
                    percentile(network, 95), percentile(network, 100), mean(image), (double) correct / files.size());
        }
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    static double percentile(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.max(0, Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1))];
    }
}
