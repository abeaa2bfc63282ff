package org.importdesk.engine.imaging;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DisplayWindowingTest {

    @Test
    void equalisationIgnoresEveryIncreasingGreyValueTransform() {
        Random random = new Random(7);
        float[] hu = new float[64 * 64];
        for (int i = 0; i < hu.length; i++) {
            hu[i] = -1000 + random.nextInt(2500);
        }
        float[] displayed = new float[hu.length];
        for (int i = 0; i < hu.length; i++) {
            displayed[i] = (float) (Math.exp(hu[i] / 1000.0) * 3 + 7); // any increasing LUT
        }
        float[] a = DisplayWindowing.equalise(hu.clone(), false);
        float[] b = DisplayWindowing.equalise(displayed, false);
        assertThat(b).containsExactly(a, within(1e-6f));
        for (float v : a) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void tiesShareTheirMidRankAndInversionFlips() {
        float[] v = {5, -3, 5, 10, 5};
        // ranks: -3 -> 0, the three 5s -> 1..3 (mid 2), 10 -> 4; divided by n - 1 = 4
        assertThat(DisplayWindowing.equalise(v.clone(), false)).containsExactly(0.5f, 0f, 0.5f, 1f, 0.5f);
        assertThat(DisplayWindowing.equalise(v.clone(), true)).containsExactly(0.5f, 1f, 0.5f, 0f, 0.5f);
    }

    @Test
    void percentileWindowClipsTheExtremePercent() {
        float[] v = new float[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        v[999] = 1e6f; // a hot pixel does not set the range
        float[] out = DisplayWindowing.percentile(v.clone(), false);
        assertThat(out[0]).isEqualTo(0f);
        assertThat(out[500]).isCloseTo(0.5f, within(0.01f));
        assertThat(out[999]).isEqualTo(1f);
        assertThat(DisplayWindowing.windowFor(frameWithoutWindow(), "CT")).isEqualTo(DisplayWindowing.CT_SOFT_TISSUE);
    }

    private static org.importdesk.engine.dicom.PixelFrame frameWithoutWindow() {
        return new org.importdesk.engine.dicom.PixelFrame(2, 2, 1, 0, "MONOCHROME2", 12, true, java.util.List.of(),
                new float[]{-1000, 0, 40, 1000});
    }
}
