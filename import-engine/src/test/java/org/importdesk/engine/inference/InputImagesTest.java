package org.importdesk.engine.inference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InputImagesTest {

    @Test
    void aGreyImageBecomesThreeEqualUnitRangeChannels(@TempDir Path dir) throws Exception {
        BufferedImage image = new BufferedImage(8, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                image.getRaster().setSample(x, y, 0, 50 + 20 * x);
            }
        }
        Path png = dir.resolve("g.png");
        ImageIO.write(image, "png", png.toFile());
        float[] input = InputImages.fromImageFile(png, 8);

        assertThat(input).hasSize(3 * 64);
        // columns ramp from 50 to 190: min-max scaled, column 0 -> 0, column 7 -> 1, resampled 4 rows -> 8 rows
        assertThat(input[0]).isEqualTo(0f);
        assertThat(input[7]).isEqualTo(1f);
        assertThat(input[3 * 8 + 2]).isCloseTo(2 / 7f, within(1e-6f));
        for (int i = 0; i < 64; i++) {
            assertThat(input[64 + i]).isEqualTo(input[i]);
            assertThat(input[128 + i]).isEqualTo(input[i]);
        }
    }

    @Test
    void resizeKeepsAConstantImageAndAveragesNeighbours() {
        float[] constant = new float[16];
        java.util.Arrays.fill(constant, 3f);
        assertThat(InputImages.resize(constant, 4, 4, 7)).containsOnly(3f);
        // 2 -> 1 pixel: the centre lies between both, the mean
        assertThat(InputImages.resize(new float[]{0, 2, 0, 2}, 2, 2, 1)).containsExactly(1f);
        assertThat(InputImages.unitRange(new float[]{5, 5})).containsExactly(0f, 0f);
    }

    @Test
    void augmentationsAreExactPermutations() {
        int s = 5;
        float[] x = new float[3 * s * s];
        Random random = new Random(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        assertThat(Augmentation.flipHorizontal(Augmentation.flipHorizontal(x, s), s)).containsExactly(x);
        assertThat(Augmentation.flipVertical(Augmentation.flipVertical(x, s), s)).containsExactly(x);
        float[] r = x;
        for (int i = 0; i < 4; i++) {
            r = Augmentation.rotate90(r, s);
        }
        assertThat(r).containsExactly(x);
        // clockwise: the top-left pixel goes to the top-right corner
        assertThat(Augmentation.rotate90(x, s)[s - 1]).isEqualTo(x[0]);
        assertThat(Augmentation.apply(x, s, 0.0, random)).containsExactly(x);
    }
}
