package org.importdesk.app.ui.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds inserted media: mounts under /media and /run/media (one or two levels: /media/cdrom, /run/media/USER/LABEL)
 * on Linux, drive letters on Windows. A medium is listed when it holds a DICOMDIR or a DICOM folder.
 */
public final class MediaDetector {

    /** A mounted medium. */
    public record Medium(Path root, String label, boolean hasDicomdir) {
    }

    private final List<Path> mountRoots;
    private final boolean rootsAreMedia;

    /** Looks one and two levels below each mount root (Linux). */
    public MediaDetector(List<Path> mountRoots) {
        this(mountRoots, false);
    }

    private MediaDetector(List<Path> roots, boolean rootsAreMedia) {
        this.mountRoots = List.copyOf(roots);
        this.rootsAreMedia = rootsAreMedia;
    }

    public static MediaDetector forThisMachine() {
        if (System.getProperty("os.name", "").toLowerCase().startsWith("windows")) {
            List<Path> drives = new ArrayList<>();
            java.nio.file.FileSystems.getDefault().getRootDirectories().forEach(drives::add);
            return new MediaDetector(drives, true);
        }
        return new MediaDetector(List.of(Path.of("/media"), Path.of("/run/media")), false);
    }

    public List<Medium> detect() {
        List<Medium> out = new ArrayList<>();
        for (Path root : mountRoots) {
            if (rootsAreMedia) {
                candidate(root).ifPresent(out::add);
                continue;
            }
            for (Path level1 : children(root)) {
                candidate(level1).ifPresentOrElse(out::add, () -> children(level1).forEach(l2 -> candidate(l2).ifPresent(out::add)));
            }
        }
        return out;
    }

    java.util.Optional<Medium> candidate(Path dir) {
        if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
            return java.util.Optional.empty();
        }
        boolean dicomdir = Files.isRegularFile(dir.resolve("DICOMDIR")) || Files.isRegularFile(dir.resolve("dicomdir"));
        boolean dicomFolder = Files.isDirectory(dir.resolve("DICOM")) || Files.isDirectory(dir.resolve("dicom"));
        if (!dicomdir && !dicomFolder) {
            return java.util.Optional.empty();
        }
        String label = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        return java.util.Optional.of(new Medium(dir, label, dicomdir));
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
