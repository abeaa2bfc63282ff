package org.importdesk.engine.imaging;

import org.importdesk.engine.dicom.PixelFrame;
import org.importdesk.engine.dicom.VoiWindow;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FrameRendererTest {

    private static int grey(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }

    @Test
    void theFilesFirstWindowMapsCentreToMidGreyAndClipsOutside() {
        float[] hu = {-1000, -160, 40, 240, 3000};
        PixelFrame ct = new PixelFrame(1, 5, 1, 0, "MONOCHROME2", 12, true,
                List.of(new VoiWindow(40, 400), new VoiWindow(300, 1500)), hu);
        BufferedImage image = FrameRenderer.render(ct);
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(grey(image, 0, 0)).isZero();
        assertThat(grey(image, 1, 0)).isLessThanOrEqualTo(1);
        assertThat(grey(image, 2, 0)).isBetween(127, 128);
        assertThat(grey(image, 3, 0)).isGreaterThanOrEqualTo(254);
        assertThat(grey(image, 4, 0)).isEqualTo(255);
    }

    @Test
    void withoutAWindowTheValueRangeIsUsedAndMonochrome1IsInverted() {
        float[] values = {100, 150, 200};
        PixelFrame m2 = new PixelFrame(1, 3, 1, 0, "MONOCHROME2", 16, false, List.of(), values);
        PixelFrame m1 = new PixelFrame(1, 3, 1, 0, "MONOCHROME1", 16, false, List.of(), values);
        BufferedImage a = FrameRenderer.render(m2);
        BufferedImage b = FrameRenderer.render(m1);
        assertThat(grey(a, 0, 0)).isZero();
        assertThat(grey(a, 2, 0)).isEqualTo(255);
        for (int x = 0; x < 3; x++) {
            assertThat(grey(b, x, 0)).isEqualTo(255 - grey(a, x, 0));
        }
    }

    @Test
    void colourFramesRenderAsRgb() {
        PixelFrame rgb = new PixelFrame(1, 2, 3, 0, "RGB", 8, false, List.of(), new float[]{255, 0, 0, 10, 20, 30});
        BufferedImage image = FrameRenderer.render(rgb);
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(image.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x0A141E);
    }

    @Test
    void thumbnailsFitTheSizeAndKeepTheAspect() {
        BufferedImage big = new BufferedImage(1000, 500, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage t = Thumbnails.fit(big, 128);
        assertThat(t.getWidth()).isEqualTo(128);
        assertThat(t.getHeight()).isEqualTo(64);
        BufferedImage small = new BufferedImage(60, 40, BufferedImage.TYPE_BYTE_GRAY);
        assertThat(Thumbnails.fit(small, 128).getWidth()).isEqualTo(60);
    }

    /** Float parametric maps (values 0..1): the value range spreads over the grey levels (LINEAR_EXACT). */
    @Test
    void narrowFloatRangesUseTheExactLinearFunction() {
        PixelFrame map = new PixelFrame(1, 3, 1, 0, "MONOCHROME2", 32, true, List.of(),
                new float[]{0f, 0.47f, 0.94f});
        BufferedImage image = FrameRenderer.render(map);
        int[] grey = image.getRaster().getPixels(0, 0, 3, 1, (int[]) null);
        assertThat(grey[0]).isEqualTo(0);
        assertThat(grey[1]).isBetween(126, 129);
        assertThat(grey[2]).isEqualTo(255);
    }
}
