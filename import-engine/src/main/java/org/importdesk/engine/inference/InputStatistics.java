package org.importdesk.engine.inference;

import java.util.List;

/**
 * What the training inputs looked like, so that inference can tell an input unlike them: a few summary features of a
 * 3 x S x S input in [0,1] (mean, standard deviation, mean of the outer border (an eighth of the side), mean absolute
 * difference of horizontal neighbours (texture, noise, JPEG blocks)) with their mean and standard deviation over the
 * training split. The distance of an input is the largest absolute z-score of its features; an input far outside
 * (another field of view, a table and air around the body, another grey-value processing) is one whose vote the
 * training figures do not vouch for.
 *
 * @param features names of the features, in order
 * @param mean     per feature, over the training inputs
 * @param sd       per feature, over the training inputs
 * @param count    how many training inputs
 */
public record InputStatistics(List<String> features, double[] mean, double[] sd, int count) {

    public static final List<String> FEATURES = List.of("mean", "sd", "borderMean", "neighbourDifference");
    /** Standard deviations are floored so that a near-constant feature does not make every input look foreign. */
    static final double MIN_SD = 0.01;

    public InputStatistics {
        features = List.copyOf(features);
        if (mean.length != features.size() || sd.length != features.size()) {
            throw new IllegalArgumentException("input statistics need a mean and sd per feature");
        }
        mean = mean.clone();
        sd = sd.clone();
    }

    /** The summary features of one input (3 square channels). */
    public static double[] features(float[] chw) {
        int size = (int) Math.round(Math.sqrt(chw.length / 3.0));
        if (3 * size * size != chw.length) {
            throw new IllegalArgumentException("not a 3 x S x S input: " + chw.length + " values");
        }
        int ring = Math.max(1, size / 8);
        double sum = 0;
        double sumSq = 0;
        double border = 0;
        int borderCount = 0;
        double difference = 0;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    float v = chw[(c * size + y) * size + x];
                    sum += v;
                    sumSq += (double) v * v;
                    if (y < ring || y >= size - ring || x < ring || x >= size - ring) {
                        border += v;
                        borderCount++;
                    }
                    if (x > 0) {
                        difference += Math.abs(v - chw[(c * size + y) * size + x - 1]);
                    }
                }
            }
        }
        int n = chw.length;
        double m = sum / n;
        return new double[]{m, Math.sqrt(Math.max(0, sumSq / n - m * m)), border / borderCount,
                difference / (3.0 * size * (size - 1))};
    }

    public static InputStatistics of(List<float[]> inputs) {
        int k = FEATURES.size();
        double[] mean = new double[k];
        double[] sq = new double[k];
        for (float[] input : inputs) {
            double[] f = features(input);
            for (int i = 0; i < k; i++) {
                mean[i] += f[i];
                sq[i] += f[i] * f[i];
            }
        }
        int n = Math.max(1, inputs.size());
        double[] sd = new double[k];
        for (int i = 0; i < k; i++) {
            mean[i] /= n;
            sd[i] = Math.sqrt(Math.max(0, sq[i] / n - mean[i] * mean[i]));
        }
        return new InputStatistics(FEATURES, mean, sd, inputs.size());
    }

    /** The largest absolute z-score of the input's features against the training inputs. */
    public double distance(float[] chw) {
        double[] f = features(chw);
        double d = 0;
        for (int i = 0; i < f.length && i < mean.length; i++) {
            d = Math.max(d, Math.abs(f[i] - mean[i]) / Math.max(sd[i], MIN_SD));
        }
        return d;
    }
}
