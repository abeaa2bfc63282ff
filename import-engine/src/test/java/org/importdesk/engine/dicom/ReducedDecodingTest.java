package org.importdesk.engine.dicom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Frames asked for at a small size: shrunk by box means of the stored values, sign and rescale applied after. */
class ReducedDecodingTest {
    private final PixelDecoder decoder = PixelDecoder.standard();

    @TempDir
    Path dir;

    @Test
    void signedTwelveBitValuesAreAveragedAsSignedNumbers() throws Exception {
        // 4 rows x 8 columns, maxSide 4: factor 2, output 2 x 4; garbage above bit 11 must not leak into the mean
        short[] stored = new short[32];
        for (int i = 0; i < stored.length; i++) {
            int v = (i % 2 == 0 ? -100 : 60) + i;  // mixes negative and positive values in each box
            stored[i] = (short) ((v & 0x0FFF) | 0xA000);
        }
        Path file = SyntheticDicom.grey16(4, 8, stored, true).bitsStored(12).rescale(2, -10).write(dir, "s.dcm");
        PixelFrame full = decoder.decode(file).first();
        PixelFrame small = decoder.decode(file, FrameChoice.ALL, 4).first();
        assertThat(small.rows()).isEqualTo(2);
        assertThat(small.columns()).isEqualTo(4);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 4; c++) {
                double mean = (full.value(2 * r, 2 * c) + full.value(2 * r, 2 * c + 1) + full.value(2 * r + 1, 2 * c)
                        + full.value(2 * r + 1, 2 * c + 1)) / 4;
                assertThat((double) small.value(r, c)).as("(%d,%d)", r, c).isCloseTo(mean,
                        org.assertj.core.data.Offset.offset(1.0)); // half a stored step times slope 2
            }
        }
        assertThat(small.min()).isNegative();
    }

    /** 12-bit lossy JPEG (our decoder) at an eighth or less: each 8 x 8 block's DC value is the block's mean. */
    @Test
    void twelveBitJpegThumbnailsUseTheDcValueOfEachBlock() {
        Path corpus = CorpusFiles.corpus();
        org.junit.jupiter.api.Assumptions.assumeTrue(corpus != null, "../shared/corpus absent: skipped");
        Path file = corpus.resolve("pylibjpeg-data/JPEGExtended/RG2_JPLY_fixed.dcm");
        PixelFrame full = decoder.decode(file).first();
        PixelFrame dc = decoder.decode(file, FrameChoice.MIDDLE, 250).first(); // 2140 / 250 = 8: DC only
        assertThat(dc.rows()).isEqualTo((full.rows() + 7) / 8);
        assertThat(dc.columns()).isEqualTo((full.columns() + 7) / 8);
        int compared = 0;
        for (int r = 20; r < dc.rows() - 20; r += 37) {
            for (int c = 20; c < dc.columns() - 20; c += 29) {
                double sum = 0;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        sum += full.value(r * 8 + y, c * 8 + x);
                    }
                }
                assertThat((double) dc.value(r, c)).as("block (%d,%d)", r, c).isCloseTo(sum / 64,
                        org.assertj.core.data.Offset.offset(1.0));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(20);
    }

    @Test
    void framesAlreadySmallEnoughStayWhole() throws Exception {
        short[] stored = new short[6 * 5];
        Path file = SyntheticDicom.grey16(6, 5, stored, false).write(dir, "u.dcm");
        PixelFrame f = decoder.decode(file, FrameChoice.ALL, 4).first();
        assertThat(f.rows()).isEqualTo(6);
        assertThat(f.columns()).isEqualTo(5);
    }
}
