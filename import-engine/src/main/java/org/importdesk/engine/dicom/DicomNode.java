package org.importdesk.engine.dicom;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote DICOM application entity: AE title, host, port, and whether associations with it run inside TLS
 * (see {@link DicomTls}). Written {@code AET@HOST:PORT}, with TLS {@code tls:AET@HOST:PORT}.
 */
public record DicomNode(String aeTitle, String host, int port, boolean tls) {
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

    public DicomNode(String aeTitle, String host, int port) {
        this(aeTitle, host, port, false);
    }

    public DicomNode withTls(boolean on) {
        return new DicomNode(aeTitle, host, port, on);
    }

    /** Parses {@code AET@HOST:PORT}, or {@code tls:AET@HOST:PORT} for TLS. */
    public static DicomNode parse(String text) {
        String t = text == null ? "" : text.trim();
        boolean tls = t.regionMatches(true, 0, "tls:", 0, 4);
        Matcher m = FORM.matcher(tls ? t.substring(4) : t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected AET@HOST:PORT or tls:AET@HOST:PORT, got '" + text + "'");
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new DicomNode(m.group(1), host, Integer.parseInt(m.group(3)), tls);
    }

    @Override
    public String toString() {
        return (tls ? "tls:" : "") + aeTitle + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
