package org.importdesk.engine.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Network inputs with their classes: each input 3 x S x S floats in [0,1]; {@code labels[i]} indexes
 * {@code classCodes}; {@code sources} says where each came from (file or series UID) for reports.
 */
public record LabelledInputs(int size, List<String> classCodes, List<float[]> inputs, int[] labels,
                             List<String> sources) {

    public LabelledInputs {
        if (inputs.size() != labels.length || inputs.size() != sources.size()) {
            throw new IllegalArgumentException("inputs, labels and sources differ in number");
        }
        classCodes = List.copyOf(classCodes);
        for (int label : labels) {
            if (label < 0 || label >= classCodes.size()) {
                throw new IllegalArgumentException("label " + label + " outside the " + classCodes.size()
                        + " classes");
            }
        }
        for (float[] input : inputs) {
            if (input.length != 3 * size * size) {
                throw new IllegalArgumentException("input of " + input.length + " floats, expected 3 x " + size
                        + " x " + size);
            }
        }
    }

    public int count() {
        return inputs.size();
    }

    public LabelledInputs subset(int[] indices) {
        List<float[]> in = new ArrayList<>(indices.length);
        int[] lab = new int[indices.length];
        List<String> src = new ArrayList<>(indices.length);
        for (int i = 0; i < indices.length; i++) {
            in.add(inputs.get(indices[i]));
            lab[i] = labels[indices[i]];
            src.add(sources.get(indices[i]));
        }
        return new LabelledInputs(size, classCodes, in, lab, src);
    }

    public Map<String, Integer> countsPerClass() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        classCodes.forEach(c -> counts.put(c, 0));
        for (int label : labels) {
            counts.merge(classCodes.get(label), 1, Integer::sum);
        }
        return counts;
    }
}
