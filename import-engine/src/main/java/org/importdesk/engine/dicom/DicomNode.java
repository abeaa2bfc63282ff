package org.importdesk.engine.dicom;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A remote DICOM application entity: AE title, host, port. (TLS is not supported yet.) */
public record DicomNode(String aeTitle, String host, int port) {
    private static final Pattern FORM = Pattern.compile("([^@]{1,16})@(\\[[^\\]]+\\]|[^:@]+):(\\d{1,5})");

    public DicomNode {
        if (aeTitle == null || aeTitle.isBlank() || aeTitle.length() > 16 || aeTitle.contains("\\")) {
            throw new IllegalArgumentException("AE title must be 1-16 characters without a backslash: '" + aeTitle + "'");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range 1-65535: " + port);
        }
    }

    /** Parses {@code AET@HOST:PORT}. */
    public static DicomNode parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected AET@HOST:PORT, got '" + text + "'");
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new DicomNode(m.group(1), host, Integer.parseInt(m.group(3)));
    }

    @Override
    public String toString() {
        return aeTitle + "@" + host + ":" + port;
    }
}
