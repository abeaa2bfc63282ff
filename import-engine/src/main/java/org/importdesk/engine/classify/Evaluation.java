package org.importdesk.engine.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Scores predictions against labels (each study may have several acceptable classes). Rates are over all labelled
 * studies: accuracy = correct / all, predictive power = with a prediction / all, minor = wrong but a minor error of an
 * acceptable class (correct, too general: the paper's table) / all, major = other wrong predictions / all.
 */
public final class Evaluation {

    public enum Outcome { CORRECT, MINOR, MAJOR, NO_PREDICTION, NOT_FOUND }

    public record Item(String id, Set<String> acceptable, Optional<String> predicted, Outcome outcome) {
    }

    public record Confusion(String expected, String predicted, int count) {
    }

    public record Report(List<Item> items, int total, int correct, int minor, int major, int noPrediction,
                         int notFound) {
        public double accuracy() {
            return rate(correct);
        }

        public double predictivePower() {
            return rate(total - noPrediction - notFound);
        }

        public double minorRate() {
            return rate(minor);
        }

        public double majorRate() {
            return rate(major);
        }

        /** Accuracy among the studies that got a prediction. */
        public double accuracyOfPredictions() {
            int predicted = correct + minor + major;
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        private double rate(int n) {
            return total == 0 ? 0 : (double) n / total;
        }

        public List<Confusion> worstConfusions(int limit) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Item i : items) {
                if (i.outcome() == Outcome.MINOR || i.outcome() == Outcome.MAJOR || i.outcome() == Outcome.NO_PREDICTION) {
                    String key = String.join(";", new java.util.TreeSet<>(i.acceptable())) + "\t"
                            + i.predicted().orElse("(none)");
                    counts.merge(key, 1, Integer::sum);
                }
            }
            List<Confusion> out = new ArrayList<>();
            counts.forEach((k, v) -> out.add(new Confusion(k.split("\t")[0], k.split("\t")[1], v)));
            out.sort(Comparator.comparingInt(Confusion::count).reversed().thenComparing(Confusion::expected));
            return out.subList(0, Math.min(limit, out.size()));
        }
    }

    private final BiPredicate<String, String> minorError;
    private final List<Item> items = new ArrayList<>();

    /** @param minorError (true class, predicted class) is a minor error */
    public Evaluation(BiPredicate<String, String> minorError) {
        this.minorError = minorError;
    }

    public Item add(String id, Set<String> acceptable, Optional<String> predicted) {
        Outcome o;
        if (predicted.isEmpty()) {
            o = Outcome.NO_PREDICTION;
        } else if (acceptable.contains(predicted.get())) {
            o = Outcome.CORRECT;
        } else if (acceptable.stream().anyMatch(a -> minorError.test(a, predicted.get()))) {
            o = Outcome.MINOR;
        } else {
            o = Outcome.MAJOR;
        }
        Item item = new Item(id, Set.copyOf(acceptable), predicted, o);
        items.add(item);
        return item;
    }

    /** A labelled study that the medium did not contain. */
    public void addNotFound(String id, Set<String> acceptable) {
        items.add(new Item(id, Set.copyOf(acceptable), Optional.empty(), Outcome.NOT_FOUND));
    }

    public Report report() {
        int c = 0, mi = 0, ma = 0, np = 0, nf = 0;
        for (Item i : items) {
            switch (i.outcome()) {
                case CORRECT -> c++;
                case MINOR -> mi++;
                case MAJOR -> ma++;
                case NO_PREDICTION -> np++;
                case NOT_FOUND -> nf++;
            }
        }
        return new Report(List.copyOf(items), items.size(), c, mi, ma, np, nf);
    }
}
