package org.importdesk.engine.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Training data as image folders (MedNIST layout): {@code root/<folder>/*.jpeg|jpg|png}, each folder mapped to a class
 * code. Folders not in the map are skipped.
 */
public final class ImageFolders {

    /** MedNIST's folders and the MOMO class codes (Radiology_Procedures.csv) of what they show. */
    public static final Map<String, String> MEDNIST_CLASSES = Map.of(
            "AbdomenCT", "CTAB",
            "ChestCT", "CTT",
            "HeadCT", "CTS",
            "CXR", "KTH",
            "Hand", "KHAND",
            "BreastMRI", "MRM");

    private ImageFolders() {
    }

    /**
     * Loads every image of the mapped folders, in file-name order, at most {@code maxPerFolder} per folder
     * (0 = all). Class codes are ordered as first met in {@code folderToClass}'s iteration order.
     */
    public static LabelledInputs load(Path root, Map<String, String> folderToClass, int size, int maxPerFolder)
            throws IOException {
        return load(root, folderToClass, size, maxPerFolder,
                org.importdesk.engine.imaging.InputEncoding.Scaling.MIN_MAX);
    }

    /** {@link #load(Path, Map, int, int)} with each image scaled as the model will see DICOM images. */
    public static LabelledInputs load(Path root, Map<String, String> folderToClass, int size, int maxPerFolder,
                                      org.importdesk.engine.imaging.InputEncoding.Scaling scaling)
            throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("no such image folder: " + root);
        }
        List<String> classCodes = new ArrayList<>();
        for (String code : folderToClass.values()) {
            if (!classCodes.contains(code)) {
                classCodes.add(code);
            }
        }
        List<float[]> inputs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Map.Entry<String, String> mapping : folderToClass.entrySet()) {
            Path folder = root.resolve(mapping.getKey());
            if (!Files.isDirectory(folder)) {
                throw new IOException("class folder missing: " + folder);
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(ImageFolders::isImage).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IOException("no images in " + folder);
            }
            if (maxPerFolder > 0 && files.size() > maxPerFolder) {
                files = files.subList(0, maxPerFolder);
            }
            int label = classCodes.indexOf(mapping.getValue());
            for (Path file : files) {
                inputs.add(InputImages.fromImageFile(file, size, scaling));
                labels.add(label);
                sources.add(root.relativize(file).toString());
            }
        }
        return new LabelledInputs(size, classCodes, inputs, labels.stream().mapToInt(Integer::intValue).toArray(),
                sources);
    }

    /** Parses "Folder=CODE,Folder=CODE" (keeps the order given). */
    public static Map<String, String> parseMapping(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new IllegalArgumentException("expected Folder=CLASSCODE pairs separated by commas, got: " + pair);
            }
            map.put(kv[0].trim(), kv[1].trim().toUpperCase(Locale.ROOT));
        }
        return map;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".jpeg") || n.endsWith(".jpg") || n.endsWith(".png"));
    }
}
