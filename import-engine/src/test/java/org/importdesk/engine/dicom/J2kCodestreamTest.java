package org.importdesk.engine.dicom;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A COM segment after the last tile-part (as Canon writes it in corpus file 966.dcm) no longer stops OpenJPEG. */
class J2kCodestreamTest {
    private static final byte[] TRAILING_COMMENT = {(byte) 0xFF, 0x64, 0x00, 0x0B, 0x00, 0x01, 'P', 'A', 'D', 'D',
            'I', 'N', 'G'};

    private static byte[] withCommentBeforeEoc(byte[] cs) {
        assertThat(cs[cs.length - 2] & 0xFF).isEqualTo(0xFF);
        assertThat(cs[cs.length - 1] & 0xFF).isEqualTo(0xD9);
        byte[] out = Arrays.copyOf(cs, cs.length - 2 + TRAILING_COMMENT.length + 2);
        System.arraycopy(TRAILING_COMMENT, 0, out, cs.length - 2, TRAILING_COMMENT.length);
        out[out.length - 2] = (byte) 0xFF;
        out[out.length - 1] = (byte) 0xD9;
        return out;
    }

    private static byte[] firstFrame(Path file) throws Exception {
        com.pixelmed.dicom.AttributeList list = new com.pixelmed.dicom.AttributeList();
        list.setDecompressPixelData(false);
        list.read(file.toString());
        var pixelData = (com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames) list.get(
                com.pixelmed.dicom.TagFromName.PixelData);
        return pixelData.getFrames()[0];
    }

    @Test
    void commentAfterTheLastTilePartIsCutAndTheFrameDecodesBitExact() throws Exception {
        Path corpus = CorpusFiles.corpus();
        assumeTrue(corpus != null, "../shared/corpus absent: skipped");
        assumeTrue(OpenJpegDecoder.available(), "OpenJPEG 2.5 (libopenjp2) not installed: skipped");
        Path file = corpus.resolve("cornerstoneWADOImageLoader/"
                + "CTImage.dcm_JPEG2000LosslessOnlyTransferSyntax_1.2.840.10008.1.2.4.90.dcm");
        byte[] clean = firstFrame(file);
        byte[] damaged = withCommentBeforeEoc(clean);

        assertThat(J2kCodestream.withoutTrailingSegments(clean)).isSameAs(clean);
        assertThat(J2kCodestream.withoutTrailingSegments(damaged)).isEqualTo(clean);
        OpenJpegDecoder.Image reference = OpenJpegDecoder.decode(clean);
        OpenJpegDecoder.Image repaired = OpenJpegDecoder.decode(damaged);
        assertThat(repaired.samples()).isEqualTo(reference.samples());
        assertThat(reference.width()).isEqualTo(512);
    }

    @Test
    void notACodestreamOrNoTilePartsComesBackUnchanged() {
        byte[] jp2 = {0, 0, 0, 12, 'j', 'P', ' ', ' ', 13, 10, (byte) 0x87, 10};
        assertThat(J2kCodestream.withoutTrailingSegments(jp2)).isSameAs(jp2);
        byte[] headerOnly = {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x64, 0x00, 0x04, 'a', 'b', (byte) 0xFF, (byte) 0xD9};
        assertThat(J2kCodestream.withoutTrailingSegments(headerOnly)).isSameAs(headerOnly);
    }

    /** 966.dcm itself: OpenJPEG now decodes it, at the reduced size a thumbnail asks for (was jai-imageio, full). */
    @Test
    void canonDxWithTrailingCommentDecodesReduced() {
        Path corpus = CorpusFiles.corpus();
        assumeTrue(corpus != null, "../shared/corpus absent: skipped");
        assumeTrue(OpenJpegDecoder.available(), "OpenJPEG 2.5 (libopenjp2) not installed: skipped");
        DecodedFrames small = PixelDecoder.standard().decode(
                corpus.resolve("pylibjpeg-data/JPEG2000Lossless/966.dcm"), FrameChoice.MIDDLE, 128);
        assertThat(small.reason()).isEmpty();
        PixelFrame f = small.first();
        assertThat(Math.max(f.rows(), f.columns())).isBetween(128, 257); // 2128 x 2000 reduced by 2^3
        assertThat((double) f.columns() / f.rows()).isCloseTo(2000.0 / 2128, org.assertj.core.data.Offset.offset(0.01));
        assertThat(f.max()).isLessThanOrEqualTo(4095f); // 12 bits stored
        assertThat(f.max() - f.min()).isGreaterThan(1000f);
    }
}
