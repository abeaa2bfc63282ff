package org.importdesk.engine.inference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalibrationTest {

    /**
     * A constructed over-confident classifier: a calibrated model (predicted class right with probability c, and
     * softmax confidence c at T = 1) whose logits are multiplied by 4, so the right temperature is 4.
     */
    private static List<float[]> overconfidentLogits(int n, int[] labels, long seed) {
        Random random = new Random(seed);
        List<float[]> logits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int truth = random.nextInt(3);
            labels[i] = truth;
            double c = 0.4 + 0.55 * random.nextDouble();
            int predicted = random.nextDouble() < c ? truth : (truth + 1 + random.nextInt(2)) % 3;
            float[] l = new float[3];
            l[predicted] = (float) (4 * Math.log(c / ((1 - c) / 2)));
            logits.add(l);
        }
        return logits;
    }

    @Test
    void temperatureScalingLowersTheEceOfAnOverconfidentModelWithoutChangingPredictions() {
        int[] labels = new int[3000];
        List<float[]> logits = overconfidentLogits(3000, labels, 7);
        double before = Calibration.expectedCalibrationError(logits, labels, 1, 10);
        double t = Calibration.fitTemperature(logits, labels, 10);
        double after = Calibration.expectedCalibrationError(logits, labels, t, 10);

        assertThat(before).isGreaterThan(0.2);
        assertThat(t).isBetween(3.0, 5.5);
        assertThat(after).isLessThan(0.05).isLessThan(before);
        // temperature never changes the predicted class
        for (float[] l : logits) {
            double[] p1 = Calibration.softmax(l, 1);
            double[] pt = Calibration.softmax(l, t);
            assertThat(argmax(pt)).isEqualTo(argmax(p1));
        }
        // on fresh data from the same model the fitted T still calibrates
        int[] fresh = new int[3000];
        List<float[]> freshLogits = overconfidentLogits(3000, fresh, 8);
        assertThat(Calibration.expectedCalibrationError(freshLogits, fresh, t, 10)).isLessThan(0.05);
    }

    @Test
    void eceMatchesAHandComputedCase() {
        // two predictions in the 0.9-1.0 bin: one right, one wrong -> |0.5 - conf|; logits give conf = e^3/(e^3+1)
        List<float[]> logits = List.of(new float[]{3, 0}, new float[]{3, 0});
        int[] labels = {0, 1};
        double conf = Math.exp(3) / (Math.exp(3) + 1);
        assertThat(Calibration.expectedCalibrationError(logits, labels, 1, 10)).isCloseTo(conf - 0.5, within(1e-9));
        assertThat(Calibration.accuracy(logits, labels)).isEqualTo(0.5);
        assertThat(Calibration.negativeLogLikelihood(logits, labels, 1))
                .isCloseTo((-Math.log(conf) - Math.log(1 - conf)) / 2, within(1e-9));
        double[] p = Calibration.softmax(new float[]{3, 0}, 2);
        assertThat(p[0]).isCloseTo(Math.exp(1.5) / (Math.exp(1.5) + 1), within(1e-12));
    }

    @Test
    void reliabilityDiagramIsAPngWithBothPanels(@TempDir Path dir) throws Exception {
        int[] labels = new int[500];
        List<float[]> logits = overconfidentLogits(500, labels, 3);
        Path png = dir.resolve("r.png");
        ReliabilityDiagram.write(png, "test", ReliabilityDiagram.panel("before", logits, labels, 1),
                ReliabilityDiagram.panel("after", logits, labels, 4));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(image.getHeight());
        // the over-confident left panel has red (confidence) above blue in its top bin: a reddish pixel there
        int leftTopBin = image.getRGB(50 + 420 - 10, 40 + 50 + 10);
        int red = (leftTopBin >> 16) & 0xff;
        int blue = leftTopBin & 0xff;
        assertThat(red).isGreaterThan(blue);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void aNearlyPerfectModelIsNotMadeCertainAtTheCostOfItsLikelihood() {
        // 98% right with confidence ~0.88 at T = 1: ECE alone would be smallest with T -> 0 (every confidence 1)
        java.util.Random random = new java.util.Random(3);
        int n = 500;
        int[] labels = new int[n];
        List<float[]> logits = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(3);
            int predicted = random.nextDouble() < 0.98 ? labels[i] : (labels[i] + 1) % 3;
            float[] l = new float[3];
            l[predicted] = 3f;
            logits.add(l);
        }
        double t = Calibration.fitTemperature(logits, labels, 10);
        assertThat(Calibration.negativeLogLikelihood(logits, labels, t))
                .isLessThanOrEqualTo(Calibration.negativeLogLikelihood(logits, labels, 1) + 1e-9);
        assertThat(t).isGreaterThan(0.2);
        assertThat(Calibration.expectedCalibrationError(logits, labels, 0.05, 10))
                .isLessThan(Calibration.expectedCalibrationError(logits, labels, 1, 10));
    }
}
