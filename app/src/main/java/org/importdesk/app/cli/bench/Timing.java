package org.importdesk.app.cli.bench;

import java.util.Arrays;

/** Summary of timings in milliseconds. */
public record Timing(int count, double mean, double median, double p95, double min, double max) {

    public static Timing of(double[] millis) {
        if (millis.length == 0) {
            return new Timing(0, 0, 0, 0, 0, 0);
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new Timing(sorted.length, sum / sorted.length, sorted[sorted.length / 2],
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)], sorted[0],
                sorted[sorted.length - 1]);
    }

    @Override
    public String toString() {
        return String.format("n=%d mean %.1f ms, median %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms", count, mean,
                median, p95, min, max);
    }
}
