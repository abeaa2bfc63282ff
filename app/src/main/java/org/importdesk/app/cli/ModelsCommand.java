package org.importdesk.app.cli;

import org.importdesk.engine.inference.ModelBenchmark;
import org.importdesk.engine.inference.ModelManifest;
import org.importdesk.engine.inference.ModelRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "The per-modality networks in the models folder (property importdesk.models or env IMPORTDESK_MODELS).",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Verify.class, ModelsCommand.Bench.class,
                ModelsCommand.Card.class})
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
            ModelBenchmark.EngineStart start = ModelBenchmark.startEngine();
            System.out.printf(Locale.ROOT, "engine %s %s on %s: start %.0f ms (%d cores)%n", start.engine(),
                    start.version(), start.device(), start.millis(), Runtime.getRuntime().availableProcessors());
            for (ModelRepository.Entry entry : entries) {
                System.out.println(ModelBenchmark.time(repository, entry, root, count).describe());
            }
            return 0;
        }
    }

    @Command(name = "card", mixinStandardHelpOptions = true, description = "Rewrite each model's MODEL_CARD.md from its manifest.")
    static final class Card implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            for (ModelRepository.Entry e : ModelRepository.defaultLocation().list()) {
                if (e.manifest().isPresent()) {
                    System.out.println(org.importdesk.engine.inference.ModelCard.write(e.dir(), e.manifest().get()));
                }
            }
            return 0;
        }
    }
}
