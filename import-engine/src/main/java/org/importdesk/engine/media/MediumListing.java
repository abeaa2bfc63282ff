package org.importdesk.engine.media;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every file and folder under a medium's root, listed once (links are not followed). */
final class MediumListing {
    record Entry(Path path, String displayPath, long size, boolean directory, boolean link) {
    }

    private final Path root;
    private final Map<String, List<Entry>> children = new HashMap<>();
    private final List<Entry> files = new ArrayList<>();
    private final Map<Path, String> failures = new LinkedHashMap<>();

    private MediumListing(Path root) {
        this.root = root;
    }

    static MediumListing of(Path root) throws IOException {
        MediumListing listing = new MediumListing(root);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root)) {
                    listing.add(dir, attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                listing.add(file, attrs);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (file.equals(root)) {
                    return FileVisitResult.TERMINATE;
                }
                listing.failures.put(file, e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                        : ": " + e.getMessage()));
                return FileVisitResult.CONTINUE;
            }
        });
        listing.files.sort(Comparator.comparing(Entry::displayPath));
        return listing;
    }

    /** A listing of one file only (the medium is that file). */
    static MediumListing ofSingleFile(Path root, Path file) throws IOException {
        MediumListing listing = new MediumListing(root);
        listing.add(file, Files.readAttributes(file, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        return listing;
    }

    private void add(Path path, BasicFileAttributes attrs) {
        Entry e = new Entry(path, display(path), attrs.size(), attrs.isDirectory(), attrs.isSymbolicLink());
        Path parent = path.getParent();
        children.computeIfAbsent(parent == null ? "" : display(parent), k -> new ArrayList<>()).add(e);
        if (!attrs.isDirectory()) {
            files.add(e);
        }
    }

    /** The path relative to the root with '/' separators and no trailing '/'; "" for the root itself. */
    String display(Path path) {
        String rel = root.relativize(path).toString();
        String sep = path.getFileSystem().getSeparator();
        if (!sep.equals("/")) {
            rel = rel.replace(sep, "/");
        }
        while (rel.endsWith("/")) {
            rel = rel.substring(0, rel.length() - 1);
        }
        return rel;
    }

    Path root() {
        return root;
    }

    /** Regular files (and links), sorted by display path. */
    List<Entry> files() {
        return files;
    }

    List<Entry> children(Path dir) {
        return children.getOrDefault(display(dir), List.of());
    }

    /** Paths that could not be listed (permission denied, I/O error), with why. */
    Map<Path, String> failures() {
        return failures;
    }
}
