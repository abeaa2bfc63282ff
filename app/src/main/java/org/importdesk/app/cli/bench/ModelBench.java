package org.importdesk.app.cli.bench;

import org.importdesk.engine.imaging.NetworkInputs;
import org.importdesk.engine.inference.ModalityNetworks;
import org.importdesk.engine.inference.ModelBenchmark;
import org.importdesk.engine.inference.ModelRepository;
import org.importdesk.engine.inference.NetworkModel;
import org.importdesk.engine.media.SeriesRecord;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The networks: engine start, model load, per-image inference on held-out MedNIST images, and per series of the
 * corpus (MOMO's input built from the DICOM series at the model's input size, then inference), goal <= 200 ms.
 */
public final class ModelBench implements BenchPart {
    @Override
    public String name() {
        return "models";
    }

    @Override
    public String description() {
        return "network load and inference: per MedNIST image and per corpus series (input + network), goal <= 200 ms per series";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        ModelRepository repository = ModelRepository.defaultLocation();
        List<ModelRepository.Entry> entries = repository.list();
        if (entries.isEmpty()) {
            context.out().println("  skipped: no models in " + repository.root());
            return;
        }
        ModelBenchmark.EngineStart start = ModelBenchmark.startEngine();
        context.out().printf(Locale.ROOT, "  engine %s %s on %s: start %.0f ms%n", start.engine(), start.version(),
                start.device(), start.millis());
        for (ModelRepository.Entry entry : entries) {
            context.out().println("  " + ModelBenchmark.time(repository, entry, context.corpus().resolve("mednist"), 60)
                    .describe());
        }
        if (!Files.isDirectory(context.corpus())) {
            context.out().println("  per series: skipped, no folder " + context.corpus());
            return;
        }
        Map<String, NetworkModel> models = new HashMap<>();
        try {
            for (ModelRepository.Entry entry : entries) {
                if (entry.manifest().isPresent()) {
                    models.putIfAbsent(entry.manifest().get().modality(), repository.load(entry));
                }
            }
            List<SeriesRecord> series = new ArrayList<>();
            for (SeriesRecord s : ThumbnailBench.readSeries(context.corpus())) {
                Optional<String> network = ModalityNetworks.networkFor(s.modality());
                if (network.isPresent() && models.containsKey(network.get())) {
                    series.add(s);
                }
            }
            NetworkInputs inputs = new NetworkInputs();
            List<Double> inputMillis = new ArrayList<>();
            List<Double> networkMillis = new ArrayList<>();
            List<Double> totalMillis = new ArrayList<>();
            int noInput = 0;
            for (int i = 0; i < series.size(); i++) {
                SeriesRecord s = series.get(i);
                NetworkModel model = models.get(ModalityNetworks.networkFor(s.modality()).orElseThrow());
                long t0 = System.nanoTime();
                Optional<float[]> input = inputs.chw(s, model.manifest().input().size(),
                        model.manifest().input().encoding().orElse(
                                org.importdesk.engine.imaging.InputEncoding.MOMO_MIN_MAX));
                long t1 = System.nanoTime();
                if (input.isEmpty()) {
                    noInput++;
                    continue;
                }
                model.predict(input.get());
                long t2 = System.nanoTime();
                if (i < 3) {
                    continue; // warm-up
                }
                inputMillis.add((t1 - t0) / 1e6);
                networkMillis.add((t2 - t1) / 1e6);
                totalMillis.add((t2 - t0) / 1e6);
            }
            context.out().printf(Locale.ROOT, "  per series: %d series of modalities with a model (%s), %d without a "
                    + "decodable input, %d timed after 3 warm-up%n", series.size(), models.keySet(), noInput,
                    totalMillis.size());
            if (!totalMillis.isEmpty()) {
                context.out().println("    input (decode + MOMO representation): " + Timing.of(array(inputMillis)));
                context.out().println("    network:                              " + Timing.of(array(networkMillis)));
                context.out().println("    input + network:                      " + Timing.of(array(totalMillis)));
            }
        } finally {
            models.values().forEach(NetworkModel::close);
        }
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
