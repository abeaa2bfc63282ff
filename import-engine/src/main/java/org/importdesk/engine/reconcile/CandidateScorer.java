package org.importdesk.engine.reconcile;

import java.util.ArrayList;
import java.util.List;

/**
 * The weighted field score of a candidate against the external identity on the medium. Name (fuzzy) weighs most;
 * birth date and sex are veto fields (known on both sides and different: never chosen); the external patient ID found
 * among the candidate's IDs adds weight. Only a candidate with a matching birth date can reach the default threshold.
 */
public record CandidateScorer(double nameWeight, double birthDateWeight, double sexWeight, double externalIdWeight,
                              double threshold, double margin) {

    public static CandidateScorer defaults() {
        return new CandidateScorer(0.60, 0.25, 0.05, 0.10, 0.85, 0.05);
    }

    public ScoredCandidate score(Demographics external, Candidate c) {
        List<String> reasons = new ArrayList<>();
        Demographics local = c.demographics();
        boolean veto = false;
        double name = PersonNames.similarity(external.name(), local.name());
        double score = nameWeight * name;
        reasons.add(String.format("name %.2f", name));
        if (!external.birthDate().isEmpty() && !local.birthDate().isEmpty()) {
            if (external.birthDate().equals(local.birthDate())) {
                score += birthDateWeight;
                reasons.add("birth date equal");
            } else {
                veto = true;
                reasons.add("birth date differs (veto)");
            }
        } else {
            reasons.add("birth date unknown");
        }
        if (known(external.sex()) && known(local.sex())) {
            if (external.sex().equals(local.sex())) {
                score += sexWeight;
                reasons.add("sex equal");
            } else {
                veto = true;
                reasons.add("sex differs (veto)");
            }
        }
        if (!external.patientId().isEmpty()
                && (c.otherPatientIds().contains(external.patientId()) || external.patientId().equals(local.patientId()))) {
            score += externalIdWeight;
            reasons.add("external ID known");
        }
        return new ScoredCandidate(c, veto ? 0 : Math.min(1, score), name, veto, List.copyOf(reasons));
    }

    private static boolean known(String sex) {
        return sex.equals("M") || sex.equals("F");
    }

    /** Ranks (vetoed last) and chooses one only above the threshold and clearly ahead of the next. */
    public Reconciliation rank(Demographics external, List<Candidate> candidates) {
        List<ScoredCandidate> scored = new ArrayList<>();
        for (Candidate c : candidates) {
            scored.add(score(external, c));
        }
        scored.sort((a, b) -> a.vetoed() != b.vetoed() ? (a.vetoed() ? 1 : -1) : Double.compare(b.score(), a.score()));
        if (scored.isEmpty()) {
            return new Reconciliation(scored, java.util.Optional.empty(), "no candidates found");
        }
        ScoredCandidate best = scored.get(0);
        if (best.vetoed() || best.score() < threshold) {
            return new Reconciliation(scored, java.util.Optional.empty(), String.format(
                    "best candidate scores %.2f, below the threshold %.2f: the radiographer chooses", best.score(), threshold));
        }
        if (scored.size() > 1 && !scored.get(1).vetoed() && best.score() - scored.get(1).score() < margin
                && !sameOrder(best.candidate(), scored.get(1).candidate())) {
            return new Reconciliation(scored, java.util.Optional.empty(), String.format(
                    "two candidates score %.2f and %.2f: ambiguous, the radiographer chooses", best.score(),
                    scored.get(1).score()));
        }
        return new Reconciliation(scored, java.util.Optional.of(best), String.format("chosen automatically (%.2f)", best.score()));
    }

    private static boolean sameOrder(Candidate a, Candidate b) {
        return a.demographics().patientId().equals(b.demographics().patientId())
                && a.accessionNumber().equals(b.accessionNumber());
    }
}
