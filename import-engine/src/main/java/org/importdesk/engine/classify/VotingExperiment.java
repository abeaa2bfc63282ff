package org.importdesk.engine.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The paper's Experiment 2 (Monte Carlo): how study accuracy grows with the number of series that vote. 12 labels;
 * each series draws a confidence w ~ Beta(4p, 4-4p) (mean p, the per-series accuracy); its vote is right when
 * U(0,1) &lt; w; a wrong vote goes to a random other label (uncorrelated) or always to one fixed wrong label
 * (correlated); a vote weighs w (calibrated) or 1; the weighted majority decides, ties by a fair draw.
 */
public final class VotingExperiment {

    public static final int LABELS = 12;

    public record Cell(int seriesPerStudy, double seriesAccuracy, boolean correlated, boolean calibrated,
                       double studyAccuracy) {
    }

    private final long seed;

    public VotingExperiment(long seed) {
        this.seed = seed;
    }

    /** The full grid: 1..10 series, accuracy 0.50..0.95 by 0.05, correlated yes/no, calibrated yes/no. */
    public List<Cell> run(int studies) {
        List<Cell> out = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            for (int a = 50; a <= 95; a += 5) {
                for (boolean correlated : new boolean[]{true, false}) {
                    for (boolean calibrated : new boolean[]{true, false}) {
                        out.add(new Cell(n, a / 100.0, correlated, calibrated,
                                studyAccuracy(n, a / 100.0, correlated, calibrated, studies)));
                    }
                }
            }
        }
        return out;
    }

    public double studyAccuracy(int seriesPerStudy, double p, boolean correlated, boolean calibrated, int studies) {
        // one stream per cell, so that each cell is reproducible on its own
        SplittableRandom rnd = new SplittableRandom(seed ^ (seriesPerStudy * 1_000_003L)
                ^ Double.doubleToLongBits(p) * 31 ^ (correlated ? 7 : 11) ^ (calibrated ? 13 : 17));
        int right = 0;
        double[] weights = new double[LABELS];
        for (int s = 0; s < studies; s++) {
            java.util.Arrays.fill(weights, 0);
            int truth = rnd.nextInt(LABELS);
            int fixedWrong = (truth + 1 + rnd.nextInt(LABELS - 1)) % LABELS;
            for (int k = 0; k < seriesPerStudy; k++) {
                double w = beta(rnd, 4 * p, 4 - 4 * p);
                int label;
                if (rnd.nextDouble() < w) {
                    label = truth;
                } else if (correlated) {
                    label = fixedWrong;
                } else {
                    label = (truth + 1 + rnd.nextInt(LABELS - 1)) % LABELS;
                }
                weights[label] += calibrated ? w : 1.0;
            }
            double max = -1;
            int ties = 0;
            boolean truthAmongBest = false;
            for (int l = 0; l < LABELS; l++) {
                if (weights[l] > max + 1e-12) {
                    max = weights[l];
                    ties = 1;
                    truthAmongBest = l == truth;
                } else if (Math.abs(weights[l] - max) <= 1e-12) {
                    ties++;
                    truthAmongBest |= l == truth;
                }
            }
            if (truthAmongBest && rnd.nextInt(ties) == 0) {
                right++;
            }
        }
        return (double) right / studies;
    }

    /** Beta(a, b) from two Gamma draws. */
    static double beta(SplittableRandom rnd, double a, double b) {
        double x = gamma(rnd, a);
        double y = gamma(rnd, b);
        return x + y == 0 ? 0.5 : x / (x + y);
    }

    /** Marsaglia and Tsang's method; for shape &lt; 1 boosted by U^(1/shape). */
    static double gamma(SplittableRandom rnd, double shape) {
        if (shape < 1) {
            double u = rnd.nextDouble();
            return gamma(rnd, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = gaussian(rnd);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rnd.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
