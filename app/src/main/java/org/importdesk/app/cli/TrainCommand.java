package org.importdesk.app.cli;

import org.importdesk.app.ui.service.DecisionLog;
import org.importdesk.engine.dicom.DicomFiles;
import org.importdesk.engine.imaging.InputEncoding;
import org.importdesk.engine.imaging.NetworkInputs;
import org.importdesk.engine.inference.DicomTrainingSet;
import org.importdesk.engine.inference.ImageFolders;
import org.importdesk.engine.inference.VoterSettings;
import org.importdesk.engine.inference.LabelledInputs;
import org.importdesk.engine.inference.ModelManifest;
import org.importdesk.engine.inference.ModelRepository;
import org.importdesk.engine.inference.ModelTrainer;
import org.importdesk.engine.inference.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train one modality's network (MOMO's recipe), fit its temperature on the validation split and "
                + "write weights, manifest, reliability diagram (before/after) and a cross-validation report.",
                "Data: --images DIR (folders of images, one per class, e.g. MedNIST), --dicom DIR --labels CSV "
                        + "(series or study UID,class code), or --confirmed: the classes radiographers confirmed at "
                        + "this workstation label the studies in --dicom DIR (default: the embedded local archive, "
                        + "where imports land while no PACS is configured; else export them from the PACS)."})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--modality", required = true, description = "the modality the network votes for: CR, CT, MR, US, XA")
    String modality;

    @Option(names = "--images", description = "image folders, one per class (MedNIST layout)")
    Path images;

    @Option(names = "--classes", description = "Folder=CLASSCODE,... for --images; default: MedNIST's folders of the modality")
    String classes;

    @Option(names = "--dicom", description = "folder of DICOM series: labelled by --labels, or the images of the "
            + "studies --confirmed labels")
    Path dicom;

    @Option(names = "--labels", description = "CSV: series or study instance UID,class code")
    Path labels;

    @Option(names = "--confirmed", description = "labels from the workstation's confirmed decisions (the data folder's "
            + "decision log; a later decision on a study replaces an earlier one)")
    boolean confirmed;

    @Option(names = "--data", paramLabel = "DIR", description = "with --confirmed: the workstation's data folder "
            + "(default: $IMPORTDESK_DATA, else the user data folder)")
    Path dataDir;

    @Option(names = "--name", description = "model name (default: <modality>-model)")
    String name;

    @Option(names = "--out", description = "output folder (default: <models>/<name>)")
    Path out;

    @Option(names = "--size", defaultValue = "64", description = "input size S (3 x S x S); default ${DEFAULT-VALUE}")
    int size;

    @Option(names = "--epochs", defaultValue = "20", description = "default ${DEFAULT-VALUE}")
    int epochs;

    @Option(names = "--batch", defaultValue = "24", description = "batch size; default ${DEFAULT-VALUE} (paper)")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-4", description = "initial learning rate, decays by 0.98 per epoch; default ${DEFAULT-VALUE} (paper)")
    double lr;

    @Option(names = "--folds", defaultValue = "1", description = "k >= 4 for k-fold cross-validation (fold i tests, i+1 validates, the rest trains); 1: one 70/15/15 split")
    int folds;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--max-per-class", defaultValue = "0", description = "cap per image folder (0: all)")
    int maxPerClass;

    @Option(names = "--data-licence", defaultValue = "see the data's own licence",
            description = "licence of the training data, recorded in the manifest and model card")
    String dataLicence;

    @Option(names = "--threads", description = "libtorch CPU threads (default: importdesk.inference.threads or 1)")
    Integer threads;

    @Option(names = "--layout", description = "how a series fills the 3 channels: MOMO (first/middle/last or MIPs) or "
            + "MIDDLE_IMAGE; default: MIDDLE_IMAGE for --images (single 2D images), MOMO for --dicom")
    InputEncoding.Layout layout;

    @Option(names = "--scaling", defaultValue = "PERCENTILE_WINDOW", description = "how grey values reach [0,1]: "
            + "PERCENTILE_WINDOW (each image's 1st-99th percentile), DISPLAY_WINDOW (VOI window, CT soft tissue, "
            + "else percentile) or MIN_MAX; "
            + "default ${DEFAULT-VALUE}. Recorded in the manifest; inference feeds the model the same.")
    InputEncoding.Scaling scaling;

    @Option(names = "--backbone", description = "model folder to fine-tune: only its last block and the classifier train")
    Path backbone;

    @Override
    public Integer call() throws Exception {
        String mod = modality.toUpperCase(Locale.ROOT);
        if (threads != null) {
            System.setProperty(org.importdesk.engine.inference.InferenceEnvironment.THREADS_PROPERTY,
                    Integer.toString(threads));
        }
        Map<String, String> confirmedLabels = null;
        if (confirmed) {
            if (images != null || labels != null) {
                spec.commandLine().getErr().println("--confirmed takes its labels from the workstation's decisions: "
                        + "not with --images or --labels");
                return 2;
            }
            Path data = dataDir != null ? dataDir : ImportCommand.defaultDataDir();
            confirmedLabels = ConfirmedDecisions.labels(new DecisionLog(data.resolve(ConfirmedDecisions.LOG_FILE)),
                    mod, System.out::println);
            if (confirmedLabels.isEmpty()) {
                spec.commandLine().getErr().println("no confirmed " + mod + " decisions in "
                        + data.resolve(ConfirmedDecisions.LOG_FILE));
                return 1;
            }
            if (dicom == null) {
                dicom = dataDir != null ? dataDir.resolve("archive")
                        : org.importdesk.engine.config.ConfigurationLoader.loadForCurrentUser().settings().localArchive();
            }
            if (!Files.isDirectory(dicom)) {
                spec.commandLine().getErr().println("no images of the confirmed studies: " + dicom + " is not a folder "
                        + "(the embedded archive fills only while no PACS is configured; export the studies from the "
                        + "PACS and give --dicom DIR)");
                return 1;
            }
        } else if ((images == null) == (dicom == null)) {
            spec.commandLine().getErr().println("give either --images, --dicom (with --labels) or --confirmed");
            return 2;
        }
        if (dicom != null && labels == null && confirmedLabels == null) {
            spec.commandLine().getErr().println("--dicom needs --labels CSV (series or study UID,class code)");
            return 2;
        }
        Map<String, String> mapping = Map.of();
        if (images != null) {
            try {
                mapping = classes != null ? ImageFolders.parseMapping(classes) : mednistFolders(mod);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
            if (mapping.size() < 2) {
                spec.commandLine().getErr().println("need at least two classes for " + mod + ", have " + mapping
                        + " (give --classes Folder=CODE,...)");
                return 2;
            }
        }
        String modelName = name != null ? name : mod.toLowerCase(Locale.ROOT) + "-model";
        Path outDir = out != null ? out : ModelRepository.defaultLocation().root().resolve(modelName);
        TrainingConfig config = TrainingConfig.PAPER.withEpochs(epochs).withBatchSize(batch).withLearningRate(lr)
                .withFolds(folds).withSeed(seed).withBackbone(backbone);
        InputEncoding encoding = new InputEncoding(layout != null ? layout
                : images != null ? InputEncoding.Layout.MIDDLE_IMAGE : InputEncoding.Layout.MOMO, scaling);
        long start = System.nanoTime();
        LabelledInputs data;
        String description;
        if (images != null) {
            data = ImageFolders.load(images, mapping, size, maxPerClass, encoding.scaling());
            description = "image folders " + images.getFileName() + ": " + mapping;
        } else {
            List<DicomTrainingSet.Series> series = DicomTrainingSet.scan(dicom, DicomFiles.pixelMed(),
                    System.out::println);
            Map<String, String> seriesLabels = confirmedLabels != null ? confirmedLabels
                    : DicomTrainingSet.readLabels(labels);
            data = DicomTrainingSet.inputs(series, seriesLabels, mod, size,
                    (files, s) -> new NetworkInputs().chw(files, s, encoding), VoterSettings.DEFAULT,
                    System.out::println);
            description = "DICOM series in " + dicom.getFileName() + " labelled by "
                    + (confirmedLabels != null ? "the classes confirmed at the workstation" : labels.getFileName());
            if (data.classCodes().size() < 2) {
                spec.commandLine().getErr().println("need labelled " + mod + " series of at least two classes, have "
                        + data.countsPerClass());
                return 1;
            }
        }
        System.out.printf(Locale.ROOT, "loaded %d inputs of %s in %.1f s%n", data.count(), data.countsPerClass(),
                (System.nanoTime() - start) / 1e9);
        Map<String, String> hyper = new LinkedHashMap<>(config.describe());
        hyper.put("inputSize", Integer.toString(size));
        ModelManifest.Provenance provenance = new ModelManifest.Provenance(
                description, List.of(images != null ? images.toString() : dicom.toString()),
                dataLicence, "importdesk " + String.join(" ", spec.commandLine().getParseResult()
                .originalArgs()), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), hyper);
        ModelTrainer.Result result = new ModelTrainer(System.out::println)
                .train(data, modelName, mod, provenance, config, outDir, encoding);
        System.out.printf(Locale.ROOT, "model written to %s in %.1f s (reliability diagram %s)%n", outDir,
                (System.nanoTime() - start) / 1e9, result.reliabilityDiagram());
        return 0;
    }

    private static Map<String, String> mednistFolders(String modality) {
        Map<String, String> map = new LinkedHashMap<>();
        ImageFolders.MEDNIST_CLASSES.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .filter(e -> modalityOf(e.getValue()).equals(modality))
                .forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private static String modalityOf(String code) {
        if (code.startsWith("CT")) {
            return "CT";
        }
        if (code.startsWith("MR")) {
            return "MR";
        }
        return code.startsWith("K") ? "CR" : "?";
    }
}
