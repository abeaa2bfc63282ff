package org.importdesk.engine.classify;

import org.importdesk.mapping.ParsedRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Applies MOMO vote rules, in order, to weighted votes per class. */
public final class RuleEngine {

    /** The votes after the rules, the rules that changed something, and the class an absolute rule chose. */
    public record Outcome(Map<String, Double> votes, List<String> applied, Optional<String> absolute) {
    }

    private final List<ParsedRule> rules;

    public RuleEngine(List<ParsedRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public Outcome apply(Map<String, Double> input) {
        Map<String, Double> votes = new LinkedHashMap<>(input);
        votes.values().removeIf(v -> v <= 0);
        List<String> applied = new ArrayList<>();
        for (ParsedRule r : rules) {
            boolean holds = r.present().stream().allMatch(votes::containsKey)
                    && r.absent().stream().noneMatch(votes::containsKey);
            if (!holds) {
                continue;
            }
            switch (r.kind()) {
                case ABSOLUTE -> {
                    applied.add(r.text());
                    return new Outcome(votes, applied, Optional.of(r.target()));
                }
                case COMBINE -> {
                    double sum = 0;
                    int pos = Integer.MAX_VALUE;
                    List<String> keys = new ArrayList<>(votes.keySet());
                    for (String c : r.present()) {
                        pos = Math.min(pos, keys.indexOf(c));
                        sum += votes.remove(c);
                    }
                    votes = insertAt(votes, r.target(), sum, pos);
                    applied.add(r.text());
                }
                case PREFER -> {
                    String loser = r.present().get(1);
                    double w = votes.remove(loser);
                    votes.merge(r.target(), w, Double::sum);
                    applied.add(r.text());
                }
            }
        }
        return new Outcome(votes, applied, Optional.empty());
    }

    /** Keeps first-mention order (the tie break) when combined votes become a new class. */
    private static Map<String, Double> insertAt(Map<String, Double> votes, String code, double weight, int pos) {
        Map<String, Double> out = new LinkedHashMap<>();
        int i = 0;
        boolean done = false;
        for (var e : votes.entrySet()) {
            if (i == pos && !done) {
                out.merge(code, weight, Double::sum);
                done = true;
            }
            out.merge(e.getKey(), e.getValue(), Double::sum);
            i++;
        }
        if (!done) {
            out.merge(code, weight, Double::sum);
        }
        return out;
    }
}
