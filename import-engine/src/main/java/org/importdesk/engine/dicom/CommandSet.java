package org.importdesk.engine.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** A DIMSE command set (group 0000), always implicit VR little endian (PS3.7 6.3.1). */
final class CommandSet {
    private final Map<Integer, byte[]> elements = new TreeMap<>(Integer::compareUnsigned);

    CommandSet ui(int tag, String uid) {
        byte[] b = uid.getBytes(StandardCharsets.US_ASCII);
        if (b.length % 2 == 1) {
            byte[] p = new byte[b.length + 1];
            System.arraycopy(b, 0, p, 0, b.length);
            b = p;
        }
        elements.put(tag, b);
        return this;
    }

    CommandSet us(int tag, int value) {
        elements.put(tag, new byte[]{(byte) value, (byte) (value >> 8)});
        return this;
    }

    int us(int tag) {
        byte[] b = elements.get(tag);
        if (b == null || b.length < 2) {
            return -1;
        }
        return (b[0] & 0xFF) | ((b[1] & 0xFF) << 8);
    }

    String ui(int tag) {
        return string(tag);
    }

    String string(int tag) {
        byte[] b = elements.get(tag);
        if (b == null) {
            return "";
        }
        return new String(b, StandardCharsets.ISO_8859_1).replace("\0", "").trim();
    }

    byte[] encode() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<Integer, byte[]> e : elements.entrySet()) {
            if (e.getKey() == 0) {
                continue;
            }
            element(body, e.getKey(), e.getValue());
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int n = body.size();
        element(all, 0x00000000, new byte[]{(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
        all.writeBytes(body.toByteArray());
        return all.toByteArray();
    }

    private static void element(ByteArrayOutputStream o, int tag, byte[] v) {
        int g = tag >>> 16;
        int el = tag & 0xFFFF;
        o.write(g);
        o.write(g >> 8);
        o.write(el);
        o.write(el >> 8);
        int n = v.length;
        o.write(n);
        o.write(n >> 8);
        o.write(n >> 16);
        o.write(n >> 24);
        o.writeBytes(v);
    }

    static CommandSet decode(byte[] b) {
        CommandSet c = new CommandSet();
        int p = 0;
        while (p + 8 <= b.length) {
            int g = (b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8);
            int el = (b[p + 2] & 0xFF) | ((b[p + 3] & 0xFF) << 8);
            int len = (b[p + 4] & 0xFF) | ((b[p + 5] & 0xFF) << 8) | ((b[p + 6] & 0xFF) << 16) | ((b[p + 7] & 0xFF) << 24);
            p += 8;
            if (len < 0 || p + len > b.length) {
                break;
            }
            byte[] v = new byte[len];
            System.arraycopy(b, p, v, 0, len);
            c.elements.put((g << 16) | el, v);
            p += len;
        }
        return c;
    }
}
