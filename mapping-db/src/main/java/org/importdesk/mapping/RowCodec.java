package org.importdesk.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/** Rows as one line of text for the change log: {@code col=value} pairs joined by tabs, with \t \n \\ escaped. */
final class RowCodec {

    static String encode(Map<String, String> row) {
        StringBuilder sb = new StringBuilder();
        for (var e : row.entrySet()) {
            if (sb.length() > 0) {
                sb.append('\t');
            }
            sb.append(e.getKey()).append('=').append(escape(e.getValue()));
        }
        return sb.toString();
    }

    static Map<String, String> decode(String line) {
        Map<String, String> row = new LinkedHashMap<>();
        if (line == null || line.isEmpty()) {
            return row;
        }
        for (String part : line.split("\t", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("malformed change-log row: " + line);
            }
            row.put(part.substring(0, eq), unescape(part.substring(eq + 1)));
        }
        return row;
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private RowCodec() {
    }
}
