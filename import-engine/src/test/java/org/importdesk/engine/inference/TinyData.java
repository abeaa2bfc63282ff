package org.importdesk.engine.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Constructed images whose class survives flips and rotations: a bright centre blob versus a bright border ring. */
final class TinyData {
    private TinyData() {
    }

    static LabelledInputs blobsAndRings(int perClass, int size, long seed) {
        Random random = new Random(seed);
        List<float[]> inputs = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        int[] labels = new int[2 * perClass];
        for (int i = 0; i < 2 * perClass; i++) {
            int label = i % 2;
            float[] channel = new float[size * size];
            double c = (size - 1) / 2.0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double r = Math.hypot(x - c, y - c) / c;
                    double signal = label == 0 ? (r < 0.45 ? 1 : 0) : (r > 0.7 && r < 0.95 ? 1 : 0);
                    channel[y * size + x] = (float) Math.max(0, Math.min(1, 0.6 * signal + 0.4 * random.nextDouble()));
                }
            }
            inputs.add(InputImages.stack(channel, channel, channel));
            labels[i] = label;
            sources.add("constructed-" + i);
        }
        return new LabelledInputs(size, List.of("BLOB", "RING"), inputs, labels, sources);
    }
}
