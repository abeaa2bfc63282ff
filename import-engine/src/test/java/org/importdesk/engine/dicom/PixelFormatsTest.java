package org.importdesk.engine.dicom;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Segmented palettes, float pixel data and 12-bit packed pixels. Reference values: pydicom 2.3.1 (pixel_array,
 * apply_color_lut, _expand_segmented_lut); for 12-bit packed, which pydicom cannot read, a numpy unpacking of the raw
 * bytes (two pixels in three bytes, low nibble first, as fo-dicom's UnpackLow12), the only layout that gives a
 * smooth image (mean neighbour difference 11 against 688 for the high-nibble-first layout).
 */
class PixelFormatsTest {

    @Test
    void segmentsExpandAsPydicomDoes() throws Exception {
        assertThat(SegmentedLut.expand(new int[]{0, 2, 0, 112})).containsExactly(0, 112);
        assertThat(SegmentedLut.expand(new int[]{0, 1, 0, 1, 10, 255}))
                .containsExactly(0, 26, 51, 76, 102, 128, 153, 178, 204, 230, 255);
        assertThat(SegmentedLut.expand(new int[]{0, 1, 1000, 1, 7, 0}))
                .containsExactly(1000, 857, 714, 571, 429, 286, 143, 0);
        assertThat(SegmentedLut.expand(new int[]{0, 2, 5, 9, 1, 3, 100, 2, 2, 0, 0}))
                .containsExactly(5, 9, 39, 70, 100, 5, 9, 39, 70, 100);
    }

    private static Path corpusFile(String relative) {
        Path corpus = CorpusFiles.corpus();
        assumeTrue(corpus != null, "../shared/corpus absent: skipped");
        return corpus.resolve(relative);
    }

    @Test
    void segmentedPaletteMatchesPydicomApplyColorLut() {
        // pydicom: stored 45088 -> (10280, 11565, 16705), 43040 -> (0, 64250, 0), 13312 -> grey 6168; 16-bit
        // entries shown as their high byte, as for plain 16-bit palettes
        for (String name : new String[]{"pydicom-data/gdcm-US-ALOKA-16.dcm", "pydicom-data/gdcm-US-ALOKA-16_big.dcm"}) {
            DecodedFrames d = PixelDecoder.standard().decode(corpusFile(name));
            assertThat(d.reason()).as(name).isEmpty();
            PixelFrame f = d.first();
            assertThat(f.isColour()).isTrue();
            assertThat(rgb(f, 0, 0)).as(name).containsExactly(10280 >> 8, 11565 >> 8, 16705 >> 8);
            assertThat(rgb(f, 479, 639)).containsExactly(10280 >> 8, 11565 >> 8, 16705 >> 8);
            assertThat(rgb(f, 23, 32)).containsExactly(0, 64250 >> 8, 0);
            assertThat(rgb(f, 320, 384)).containsExactly(6168 >> 8, 6168 >> 8, 6168 >> 8);
            assertThat(rgb(f, 240, 320)).containsExactly(1, 1, 1);
        }
    }

    private static int[] rgb(PixelFrame f, int r, int c) {
        return new int[]{(int) f.sample(r, c, 0), (int) f.sample(r, c, 1), (int) f.sample(r, c, 2)};
    }

    @Test
    void floatAndDoubleFloatPixelDataMatchPydicom() {
        PixelFrame single = PixelDecoder.standard().decode(corpusFile("pydicom-data/parametric_map_float.dcm"))
                .first();
        assertThat(single.rows()).isEqualTo(128);
        assertThat(single.columns()).isEqualTo(128);
        assertThat(single.value(0, 0)).isEqualTo(0.920127809047699f);
        assertThat(single.value(64, 64)).isEqualTo(0.12003651261329651f);
        assertThat(single.value(42, 32)).isEqualTo(0.4815152883529663f);
        assertThat(single.value(127, 127)).isEqualTo(0.5851209759712219f);
        assertThat(single.min()).isEqualTo(0f);
        assertThat(single.max()).isEqualTo(0.9415791630744934f);
        PixelFrame doubles = PixelDecoder.standard().decode(
                corpusFile("pydicom-data/parametric_map_double_float.dcm")).first();
        assertThat(doubles.value(0, 0)).isEqualTo((float) 0.9201277955271565);
        assertThat(doubles.value(42, 32)).isEqualTo((float) 0.4815152898219991);
        assertThat(doubles.value(127, 127)).isEqualTo((float) 0.5851209493382017);
        PixelFrame small = PixelDecoder.standard().decode(corpusFile("pydicom-data/parametric_map_float.dcm"),
                FrameChoice.MIDDLE, 64).first();
        assertThat(small.rows()).isEqualTo(64);
        assertThat((double) small.value(0, 0)).isCloseTo((single.value(0, 0) + single.value(0, 1)
                + single.value(1, 0) + single.value(1, 1)) / 4.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void twelveBitPackedPixelsUnpackLowNibbleFirst() {
        DecodedFrames d = PixelDecoder.standard().decode(corpusFile("fo-dicom/TestData/GH340.dcm"));
        assertThat(d.reason()).isEmpty();
        PixelFrame f = d.first();
        assertThat(f.rows()).isEqualTo(256);
        assertThat(f.value(0, 0)).isEqualTo(3f);
        assertThat(f.value(0, 1)).isEqualTo(24f);
        assertThat(f.value(128, 128)).isEqualTo(21f);
        assertThat(f.value(100, 60)).isEqualTo(39f);
        assertThat(f.value(200, 180)).isEqualTo(37f);
        assertThat(f.value(255, 255)).isEqualTo(6f);
        assertThat(f.min()).isEqualTo(0f);
        assertThat(f.max()).isEqualTo(266f);
    }
}
