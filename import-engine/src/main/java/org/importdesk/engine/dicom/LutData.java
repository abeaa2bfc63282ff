package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;

/** Lookup table data (OW, US or OB) as little-endian bytes, whatever VR PixelMed read it with. */
final class LutData {
    private LutData() {
    }

    static byte[] bytes(PixelMedAttributes dataSet, int tag) {
        Attribute a = dataSet.list().get(PixelMedAttributes.tag(tag));
        if (a == null) {
            return new byte[0];
        }
        try {
            String vr = new String(a.getVR());
            if (vr.equals("OB")) {
                byte[] b = a.getByteValues();
                return b == null ? new byte[0] : b;
            }
            short[] words = a.getShortValues();
            if (words == null) {
                int[] ints = a.getIntegerValues();
                if (ints == null) {
                    return new byte[0];
                }
                words = new short[ints.length];
                for (int i = 0; i < ints.length; i++) {
                    words[i] = (short) ints[i];
                }
            }
            byte[] out = new byte[words.length * 2];
            for (int i = 0; i < words.length; i++) {
                out[2 * i] = (byte) words[i];
                out[2 * i + 1] = (byte) (words[i] >> 8);
            }
            return out;
        } catch (Exception e) {
            return new byte[0];
        }
    }
}
