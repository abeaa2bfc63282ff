package org.importdesk.engine.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves a DICOMDIR Referenced File ID to a file on the medium, the way real discs need it: case-insensitively,
 * tolerating ISO 9660 version suffixes ({@code ;1}), a trailing dot, and an added {@code .dcm}. A File ID that
 * climbs out of the DICOMDIR's folder (or is absolute) is refused without touching the file system.
 */
final class ReferenceResolver {
    private static final Pattern VERSION = Pattern.compile(";\\d*$");
    private static final Pattern ABSOLUTE = Pattern.compile("^([/\\\\]|[A-Za-z]:).*");

    sealed interface Resolution permits Found, Missing, Outside {
    }

    record Found(MediumListing.Entry entry) implements Resolution {
    }

    record Missing(String wanted) implements Resolution {
    }

    record Outside(String why) implements Resolution {
    }

    private final MediumListing listing;
    private final Path base;

    /** @param base the folder holding the DICOMDIR: File IDs are relative to it */
    ReferenceResolver(MediumListing listing, Path base) {
        this.listing = listing;
        this.base = base;
    }

    Resolution resolve(List<String> fileId) {
        if (!fileId.isEmpty() && ABSOLUTE.matcher(fileId.get(0)).matches()) {
            return new Outside("absolute path refused");
        }
        List<String> parts = new ArrayList<>();
        for (String value : fileId) {
            for (String p : value.split("[/\\\\]")) {
                String part = p.strip();
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    if (parts.isEmpty()) {
                        return new Outside("climbs out of the DICOMDIR's folder");
                    }
                    parts.remove(parts.size() - 1);
                    continue;
                }
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            return new Missing("(empty File ID)");
        }
        Path dir = base;
        MediumListing.Entry found = null;
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            Optional<MediumListing.Entry> match = find(dir, parts.get(i), last);
            if (match.isEmpty()) {
                return new Missing(String.join("/", parts));
            }
            found = match.get();
            if (!last && !found.directory()) {
                return new Missing(String.join("/", parts));
            }
            dir = found.path();
        }
        if (found.directory()) {
            return new Missing(String.join("/", parts) + " (a folder, not a file)");
        }
        return new Found(found);
    }

    private Optional<MediumListing.Entry> find(Path dir, String wanted, boolean last) {
        List<MediumListing.Entry> entries = listing.children(dir);
        for (MediumListing.Entry e : entries) {
            if (name(e).equals(wanted)) {
                return Optional.of(e);
            }
        }
        String key = normalise(wanted);
        for (MediumListing.Entry e : entries) {
            if (normalise(name(e)).equals(key)) {
                return Optional.of(e);
            }
        }
        if (last) {
            for (MediumListing.Entry e : entries) {
                String n = normalise(name(e));
                if (n.endsWith(".dcm") && n.substring(0, n.length() - 4).equals(key)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    private static String name(MediumListing.Entry e) {
        Path n = e.path().getFileName();
        String s = n == null ? "" : n.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Upper/lower case, ISO 9660 {@code ;1} and a trailing dot do not distinguish names on a disc. */
    static String normalise(String name) {
        String n = VERSION.matcher(name.strip()).replaceFirst("");
        while (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        return n.toLowerCase(Locale.ROOT);
    }
}
