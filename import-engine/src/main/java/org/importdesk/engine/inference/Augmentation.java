package org.importdesk.engine.inference;

import java.util.Random;

/** The paper's training augmentation: random flips and rotations, each with probability p. */
final class Augmentation {

    private Augmentation() {
    }

    static float[] apply(float[] input, int size, double p, Random random) {
        float[] out = input;
        if (random.nextDouble() < p) {
            out = flipHorizontal(out, size);
        }
        if (random.nextDouble() < p) {
            out = flipVertical(out, size);
        }
        if (random.nextDouble() < p) {
            int quarterTurns = 1 + random.nextInt(3);
            for (int i = 0; i < quarterTurns; i++) {
                out = rotate90(out, size);
            }
        }
        return out;
    }

    static float[] flipHorizontal(float[] in, int s) {
        float[] out = new float[in.length];
        for (int c = 0; c < 3; c++) {
            int base = c * s * s;
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    out[base + y * s + x] = in[base + y * s + (s - 1 - x)];
                }
            }
        }
        return out;
    }

    static float[] flipVertical(float[] in, int s) {
        float[] out = new float[in.length];
        for (int c = 0; c < 3; c++) {
            int base = c * s * s;
            for (int y = 0; y < s; y++) {
                System.arraycopy(in, base + (s - 1 - y) * s, out, base + y * s, s);
            }
        }
        return out;
    }

    /** Clockwise quarter turn. */
    static float[] rotate90(float[] in, int s) {
        float[] out = new float[in.length];
        for (int c = 0; c < 3; c++) {
            int base = c * s * s;
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    out[base + x * s + (s - 1 - y)] = in[base + y * s + x];
                }
            }
        }
        return out;
    }
}
