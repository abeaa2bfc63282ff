package org.importdesk.engine.config;

import java.util.Objects;

/**
 * A DICOM peer: a PACS to send to or a worklist to query. Written in the configuration as {@code AET@host:port}
 * ({@code AET@[::1]:104} for an IPv6 address), with the TLS flag in a key of its own.
 */
public record DicomNode(String name, String aeTitle, String host, int port, boolean tls) {

    public DicomNode {
        Objects.requireNonNull(name, "name");
        requireAeTitle(aeTitle);
        if (host == null || host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("host '" + host + "' is empty or contains spaces");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
    }

    /** Parses {@code AET@host:port}; the message of the exception says which part is wrong. */
    public static DicomNode parse(String name, String spec, boolean tls) {
        String s = spec == null ? "" : spec.trim();
        int at = s.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("is not AET@host:port (no '@')");
        }
        String aet = s.substring(0, at);
        String hostPort = s.substring(at + 1);
        String host;
        String portText;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || close + 1 >= hostPort.length() || hostPort.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("is not AET@[ipv6]:port");
            }
            host = hostPort.substring(1, close);
            portText = hostPort.substring(close + 2);
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("is not AET@host:port (port missing)");
            }
            host = hostPort.substring(0, colon);
            portText = hostPort.substring(colon + 1);
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + portText + "' is not a number");
        }
        return new DicomNode(name, aet, host, port, tls);
    }

    /** DICOM PS3.5: an AE title is 1 to 16 characters of the default repertoire, no backslash, not only spaces. */
    public static String requireAeTitle(String aeTitle) {
        if (aeTitle == null || aeTitle.isBlank()) {
            throw new IllegalArgumentException("AE title is empty");
        }
        if (aeTitle.length() > 16) {
            throw new IllegalArgumentException("AE title '" + aeTitle + "' is longer than 16 characters");
        }
        for (char c : aeTitle.toCharArray()) {
            if (c == '\\' || c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("AE title '" + aeTitle + "' contains a character not allowed in an AE title");
            }
        }
        return aeTitle;
    }

    /** The form used in the configuration file. */
    public String spec() {
        return aeTitle + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return name + " " + spec() + (tls ? " (TLS)" : "");
    }
}
