package org.importdesk.app.cli;

import org.importdesk.engine.inference.ImageFolders;
import org.importdesk.engine.inference.InferenceEnvironment;
import org.importdesk.engine.inference.InputImages;
import org.importdesk.engine.inference.ModelManifest;
import org.importdesk.engine.inference.ModelRepository;
import org.importdesk.engine.inference.NetworkModel;
import org.importdesk.engine.inference.Prediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "The per-modality networks in the models folder (property importdesk.models or env IMPORTDESK_MODELS).",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Verify.class, ModelsCommand.Bench.class})
public final class ModelsCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return new ListModels().call();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List installed models with their classes and figures.")
    static final class ListModels implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            ModelRepository repository = ModelRepository.defaultLocation();
            List<ModelRepository.Entry> entries = repository.list();
            if (entries.isEmpty()) {
                System.out.println("no models in " + repository.root());
            }
            for (ModelRepository.Entry e : entries) {
                if (e.manifest().isEmpty()) {
                    System.out.printf("%-14s UNREADABLE: %s%n", e.name(), e.problem().orElse(""));
                    continue;
                }
                ModelManifest m = e.manifest().get();
                System.out.printf(Locale.ROOT, "%-14s %-3s %-16s classes %-22s input 3x%dx%d  T %.3f  test acc %.4f  ECE %.4f -> %.4f%n",
                        m.name(), m.modality(), m.architecture(), m.classCodes(), m.input().size(), m.input().size(),
                        m.temperature(), m.metrics().testAccuracy(), m.metrics().eceBefore(), m.metrics().eceAfter());
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check each model's weights against the SHA-256 in its manifest.")
    static final class Verify implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            ModelRepository repository = ModelRepository.defaultLocation();
            List<ModelRepository.Verification> results = repository.verify();
            if (results.isEmpty()) {
                System.out.println("no models in " + repository.root());
                return 1;
            }
            boolean ok = true;
            for (ModelRepository.Verification v : results) {
                System.out.printf("%-14s %s  %s%n", v.entry().name(), v.ok() ? "OK    " : "FAILED", v.detail());
                ok &= v.ok();
            }
            return ok ? 0 : 1;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Time engine start, model load and per-input inference on CPU (or the configured device).")
    static final class Bench implements Callable<Integer> {
        @Option(names = "--images", description = "MedNIST-style image folders (default: ../shared/corpus/mednist)")
        Path images;

        @Option(names = "--count", defaultValue = "60", description = "inputs per model; default ${DEFAULT-VALUE}")
        int count;

        @Override
        public Integer call() throws Exception {
            Path root = images != null ? images
                    : Path.of(System.getProperty("importdesk.root", ".")).resolve("../shared/corpus/mednist").normalize();
            ModelRepository repository = ModelRepository.defaultLocation();
            List<ModelRepository.Entry> entries = repository.list();
            if (entries.isEmpty()) {
                System.err.println("no models in " + repository.root());
                return 1;
            }
            long t0 = System.nanoTime();
            InferenceEnvironment.configure();
            ai.djl.engine.Engine engine = ai.djl.engine.Engine.getEngine("PyTorch");
            System.out.printf(Locale.ROOT, "engine %s %s start %.0f ms (device %s, threads %d cores)%n",
                    engine.getEngineName(), engine.getVersion(), (System.nanoTime() - t0) / 1e6,
                    InferenceEnvironment.device(), Runtime.getRuntime().availableProcessors());
            for (ModelRepository.Entry entry : entries) {
                long load = System.nanoTime();
                try (NetworkModel model = repository.load(entry)) {
                    double loadMs = (System.nanoTime() - load) / 1e6;
                    List<Path> files = benchFiles(root, model.manifest());
                    if (files.isEmpty()) {
                        System.out.printf(Locale.ROOT, "%-14s load %.0f ms; no images of its classes under %s%n",
                                model.manifest().name(), loadMs, root);
                        continue;
                    }
                    model.predict(InputImages.fromImageFile(files.get(0), model.manifest().input().size()));
                    double[] prepare = new double[files.size()];
                    double[] infer = new double[files.size()];
                    int correct = 0;
                    for (int i = 0; i < files.size(); i++) {
                        long a = System.nanoTime();
                        float[] input = InputImages.fromImageFile(files.get(i), model.manifest().input().size());
                        long b = System.nanoTime();
                        Prediction p = model.predict(input);
                        long c = System.nanoTime();
                        prepare[i] = (b - a) / 1e6;
                        infer[i] = (c - b) / 1e6;
                        if (p.classCode().equals(ImageFolders.MEDNIST_CLASSES.get(files.get(i).getParent().getFileName().toString()))) {
                            correct++;
                        }
                    }
                    System.out.printf(Locale.ROOT, "%-14s load %.0f ms; %d inputs: network mean %.2f ms, p95 %.2f ms, max %.2f ms;"
                                    + " image read+resize mean %.2f ms; accuracy on these %.3f%n",
                            model.manifest().name(), loadMs, files.size(), mean(infer), percentile(infer, 95),
                            percentile(infer, 100), mean(prepare), (double) correct / files.size());
                }
            }
            return 0;
        }

        private List<Path> benchFiles(Path root, ModelManifest manifest) throws Exception {
            List<Path> files = new ArrayList<>();
            if (!Files.isDirectory(root)) {
                return files;
            }
            List<String> folders = ImageFolders.MEDNIST_CLASSES.entrySet().stream()
                    .filter(e -> manifest.classCodes().contains(e.getValue())).map(Map.Entry::getKey).sorted().toList();
            int perFolder = Math.max(1, count / Math.max(1, folders.size()));
            for (String folder : folders) {
                Path dir = root.resolve(folder);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> s = Files.list(dir)) {
                    // the last files by name: the demonstration models were trained with the first ones listed first
                    List<Path> all = s.sorted().toList();
                    files.addAll(all.subList(Math.max(0, all.size() - perFolder), all.size()));
                }
            }
            return files;
        }

        private static double mean(double[] v) {
            return Arrays.stream(v).average().orElse(Double.NaN);
        }

        private static double percentile(double[] v, int p) {
            double[] s = v.clone();
            Arrays.sort(s);
            return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
        }
    }
}
