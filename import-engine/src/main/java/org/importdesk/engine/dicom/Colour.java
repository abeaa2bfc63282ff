package org.importdesk.engine.dicom;

/** Colour samples to R, G, B in 0..255: YBR_FULL and YBR_PARTIAL converted, deeper samples scaled. */
final class Colour {
    private Colour() {
    }

    static float[] toRgb255(int[] samples, int pixels, String photometric, int bitsStored) {
        float[] out = new float[pixels * 3];
        int max = bitsStored >= 31 ? Integer.MAX_VALUE : (1 << Math.max(1, bitsStored)) - 1;
        float scale = bitsStored > 8 ? 255f / max : 1f;
        boolean full = photometric.startsWith("YBR_FULL") || photometric.equals("YBR_ICT")
                || photometric.equals("YBR_RCT");
        boolean partial = photometric.startsWith("YBR_PARTIAL");
        for (int i = 0, j = 0; i < pixels; i++, j += 3) {
            float a = samples[j] * scale;
            float b = samples[j + 1] * scale;
            float c = samples[j + 2] * scale;
            if (full) {
                float y = a;
                float cb = b - 128f;
                float cr = c - 128f;
                a = y + 1.402f * cr;
                b = y - 0.344136f * cb - 0.714136f * cr;
                c = y + 1.772f * cb;
            } else if (partial) {
                float y = 1.164383f * (a - 16f);
                float cb = b - 128f;
                float cr = c - 128f;
                a = y + 1.596027f * cr;
                b = y - 0.391762f * cb - 0.812968f * cr;
                c = y + 2.017232f * cb;
            }
            out[j] = clamp(a);
            out[j + 1] = clamp(b);
            out[j + 2] = clamp(c);
        }
        return out;
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : Math.min(v, 255f);
    }
}
