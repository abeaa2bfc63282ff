package org.importdesk.engine.imaging;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class MipsTest {

    /** A noise volume in [0,1) with three planted maxima whose positions are known. */
    private static Volume plantedVolume(int w, int h, int d) {
        Random random = new Random(42);
        float[][] slices = new float[d][w * h];
        for (float[] s : slices) {
            for (int i = 0; i < s.length; i++) {
                s[i] = random.nextFloat();
            }
        }
        slices[3][5 * w + 7] = 100;   // x=7, y=5, z=3
        slices[10][2 * w + 1] = 50;   // x=1, y=2, z=10
        slices[0][(h - 1) * w + (w - 1)] = 75; // corner
        return new Volume(w, h, d, slices);
    }

    @Test
    void projectionsFindTheKnownMaxima() {
        int w = 17;
        int h = 13;
        int d = 11;
        Volume v = plantedVolume(w, h, d);
        Projections p = Mips.project(v);
        assertThat(p.axial()).hasSize(w * h);
        assertThat(p.coronal()).hasSize(w * d);
        assertThat(p.sagittal()).hasSize(h * d);
        assertThat(p.axial()[5 * w + 7]).isEqualTo(100f);
        assertThat(p.axial()[2 * w + 1]).isEqualTo(50f);
        assertThat(p.coronal()[3 * w + 7]).isEqualTo(100f);
        assertThat(p.coronal()[10 * w + 1]).isEqualTo(50f);
        assertThat(p.sagittal()[3 * h + 5]).isEqualTo(100f);
        assertThat(p.sagittal()[10 * h + 2]).isEqualTo(50f);
        assertThat(p.sagittal()[(h - 1)]).isEqualTo(75f);
        // everywhere else: the maximum of the noise along the ray, checked by brute force
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int z = 0; z < d; z++) {
                    max = Math.max(max, v.get(x, y, z));
                }
                assertThat(p.axial()[y * w + x]).isEqualTo(max);
            }
        }
        for (int z = 0; z < d; z++) {
            for (int x = 0; x < w; x++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int y = 0; y < h; y++) {
                    max = Math.max(max, v.get(x, y, z));
                }
                assertThat(p.coronal()[z * w + x]).isEqualTo(max);
            }
        }
    }

    @Test
    void resamplingAlongZKeepsAConstantVolumeAndStretchesAPlane() {
        int w = 8;
        int h = 6;
        int d = 10;
        float[][] slices = new float[d][w * h];
        for (int z = 0; z < d; z++) {
            java.util.Arrays.fill(slices[z], z < 5 ? 1f : 3f);
        }
        Projections p = Mips.projectResampled(new Volume(w, h, d, slices), 40);
        assertThat(p.depth()).isEqualTo(40);
        assertThat(p.coronal()).hasSize(w * 40);
        // first output slices sample the 1-plateau, last ones the 3-plateau; the step lies in the middle
        assertThat(p.coronal()[0]).isCloseTo(1f, offset(1e-5f));
        assertThat(p.coronal()[39 * w]).isCloseTo(3f, offset(1e-5f));
        assertThat(p.sagittal()[10 * h]).isCloseTo(1f, offset(1e-5f));
        assertThat(p.sagittal()[30 * h]).isCloseTo(3f, offset(1e-5f));
        assertThat(p.axial()[0]).isGreaterThanOrEqualTo(3f);
    }

    @Test
    void cubicKernelInterpolates() {
        assertThat(Mips.cubic(0)).isEqualTo(1.0);
        assertThat(Mips.cubic(1)).isEqualTo(0.0);
        assertThat(Mips.cubic(2)).isEqualTo(0.0);
        double f = 0.3;
        assertThat(Mips.cubic(f + 1) + Mips.cubic(f) + Mips.cubic(1 - f) + Mips.cubic(2 - f)).isCloseTo(1.0,
                offset(1e-12));
    }
}
