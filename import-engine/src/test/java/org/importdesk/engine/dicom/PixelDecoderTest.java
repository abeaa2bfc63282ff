package org.importdesk.engine.dicom;

import com.pixelmed.dicom.TransferSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Decoding of images written here with PixelMed: values known by construction. */
class PixelDecoderTest {
    private final PixelDecoder decoder = PixelDecoder.standard();

    @TempDir
    Path dir;

    @Test
    void signedValuesGetTheirSignAndTheRescale() throws Exception {
        short[] stored = {-2000, -1, 0, 1, 1091, 32767};
        Path file = SyntheticDicom.grey16(2, 3, stored, true).rescale(1, -1024).window(40, 400).modality("CT")
                .write(dir, "ct.dcm");
        PixelFrame f = decoder.decode(file).first();
        assertThat(f.rows()).isEqualTo(2);
        assertThat(f.columns()).isEqualTo(3);
        assertThat(f.samplesPerPixel()).isEqualTo(1);
        assertThat(f.toArray()).containsExactly(-3024f, -1025f, -1024f, -1023f, 67f, 31743f);
        assertThat(f.windows()).containsExactly(new VoiWindow(40, 400));
        assertThat(f.value(1, 1)).isEqualTo(67f);
    }

    @Test
    void bitsStoredMasksHighBitsAndSignExtends12BitValues() throws Exception {
        // 12 bits stored in 16: garbage above bit 11 must be ignored; 0x0FFF is -1 when signed
        short[] stored = {(short) 0xF001, 0x0FFF, 0x0800, 0x07FF};
        Path signed = SyntheticDicom.grey16(1, 4, stored, true).bitsStored(12).write(dir, "s12.dcm");
        Path unsigned = SyntheticDicom.grey16(1, 4, stored, false).bitsStored(12).write(dir, "u12.dcm");
        assertThat(decoder.decode(signed).first().toArray()).containsExactly(1f, -1f, -2048f, 2047f);
        assertThat(decoder.decode(unsigned).first().toArray()).containsExactly(1f, 4095f, 2048f, 2047f);
    }

    @Test
    void bigEndianAndImplicitGiveTheSameValues() throws Exception {
        short[] stored = new short[64];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = (short) (i * 517 - 9000);
        }
        float[] expected = decoder.decode(SyntheticDicom.grey16(8, 8, stored, true).write(dir, "le.dcm"))
                .first().toArray();
        for (String ts : new String[]{TransferSyntax.ExplicitVRBigEndian, TransferSyntax.ImplicitVRLittleEndian,
                TransferSyntax.DeflatedExplicitVRLittleEndian}) {
            Path file = SyntheticDicom.grey16(8, 8, stored, true).write(dir, ts + ".dcm", ts);
            assertThat(decoder.decode(file).first().toArray()).as(ts).containsExactly(expected);
        }
        assertThat(expected[1]).isEqualTo(517 - 9000f);
    }

    @Test
    void multiFrameFramesAreChosenByIndex() throws Exception {
        short[] stored = new short[4 * 5];
        for (int frame = 0; frame < 5; frame++) {
            for (int i = 0; i < 4; i++) {
                stored[frame * 4 + i] = (short) (frame * 100 + i);
            }
        }
        Path file = SyntheticDicom.grey16(2, 2, stored, false).frames(5).write(dir, "mf.dcm");
        DecodedFrames middle = decoder.decode(file, FrameChoice.MIDDLE);
        assertThat(middle.numberOfFrames()).isEqualTo(5);
        assertThat(middle.first().frameIndex()).isEqualTo(2);
        assertThat(middle.first().toArray()).containsExactly(200f, 201f, 202f, 203f);
        DecodedFrames fml = decoder.decode(file, FrameChoice.FIRST_MIDDLE_LAST);
        assertThat(fml.frames()).extracting(PixelFrame::frameIndex).containsExactly(0, 2, 4);
        assertThat(fml.frames().get(2).value(1, 1)).isEqualTo(403f);
        assertThat(decoder.decode(file).frames()).hasSize(5);
    }

    @Test
    void planarRgbIsInterleavedAndMonochrome1IsMarkedInverted() throws Exception {
        // planar: all R, then all G, then all B
        byte[] planar = {10, 20, 30, 40, 50, 60};
        PixelFrame rgb = decoder.decode(SyntheticDicom.bytes8(1, 2, 3, 1, planar).write(dir, "rgb.dcm")).first();
        assertThat(rgb.isColour()).isTrue();
        assertThat(rgb.toArray()).containsExactly(10f, 30f, 50f, 20f, 40f, 60f);
        PixelFrame mono1 = decoder.decode(SyntheticDicom.bytes8(1, 2, 1, 0, new byte[]{0, (byte) 200})
                .photometric("MONOCHROME1").write(dir, "m1.dcm")).first();
        assertThat(mono1.isInverted()).isTrue();
        assertThat(mono1.toArray()).containsExactly(0f, 200f);
    }

    @Test
    void ybrFullIsConvertedToRgb() throws Exception {
        // Y=128, Cb=128, Cr=228: pure-ish red, R = 128 + 1.402 * 100
        PixelFrame f = decoder.decode(SyntheticDicom.bytes8(1, 1, 3, 0, new byte[]{(byte) 128, (byte) 128,
                (byte) 228}).photometric("YBR_FULL").write(dir, "ybr.dcm")).first();
        assertThat(f.sample(0, 0, 0)).isCloseTo(255f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(f.sample(0, 0, 1)).isCloseTo(128 - 71.4136f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(f.sample(0, 0, 2)).isCloseTo(128f, org.assertj.core.data.Offset.offset(0.01f));
    }

    @Test
    void whatCannotBeDecodedGivesAReasonNeverAnException() throws Exception {
        Path notDicom = Files.writeString(dir.resolve("x.txt"), "hello");
        DecodedFrames r = decoder.decode(notDicom);
        assertThat(r.decoded()).isFalse();
        assertThat(r.reason()).startsWith("no preview");
        Path missing = dir.resolve("missing.dcm");
        assertThat(decoder.decode(missing).reason()).startsWith("no preview").contains("NoSuchFile");
        short[] stored = new short[16];
        Path truncated = SyntheticDicom.grey16(4, 4, stored, false).write(dir, "t.dcm");
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        assertThat(decoder.decode(truncated).reason()).startsWith("no preview");
    }

    @Test
    void filesOnAZipFileSystemAreRead() throws Exception {
        short[] stored = {1, 2, 3, 4};
        Path file = SyntheticDicom.grey16(2, 2, stored, false).write(dir, "a.dcm");
        Path zip = dir.resolve("medium.zip");
        try (var fs = java.nio.file.FileSystems.newFileSystem(zip, java.util.Map.of("create", "true"))) {
            Files.copy(file, fs.getPath("/a.dcm"));
        }
        try (var fs = java.nio.file.FileSystems.newFileSystem(zip)) {
            assertThat(decoder.decode(fs.getPath("/a.dcm")).first().toArray()).containsExactly(1f, 2f, 3f, 4f);
        }
    }
}
