package org.importdesk.engine.imaging;

import org.importdesk.engine.dicom.DicomFiles;
import org.importdesk.engine.dicom.DicomHeader;
import org.importdesk.engine.dicom.SyntheticDicom;
import org.importdesk.engine.media.IconImage;
import org.importdesk.engine.media.InstanceRecord;
import org.importdesk.engine.media.SeriesRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** MOMO's network input and the thumbnails on series written here: which images, what shape, what range. */
class NetworkInputsTest {
    private static final int N = 16;

    @TempDir
    Path dir;

    private final NetworkInputs inputs = new NetworkInputs();

    /** A series of {@code count} N x N single-frame files; slice k's values come from {@code slice}. */
    private SeriesRecord series(String modality, int count, IntFunction<short[]> slice) throws Exception {
        List<InstanceRecord> instances = new ArrayList<>();
        DicomFiles reader = DicomFiles.pixelMed();
        for (int k = 0; k < count; k++) {
            Path file = SyntheticDicom.grey16(N, N, slice.apply(k), false).modality(modality).instanceNumber(k + 1)
                    .write(dir.resolve(modality), "im" + k + ".dcm");
            DicomHeader header = reader.readHeader(file);
            instances.add(new InstanceRecord(header.sopInstanceUid(), header.sopClassUid(),
                    header.transferSyntaxUid(), k + 1, file, header));
        }
        return new SeriesRecord("1.2.3." + modality, modality, 1, "test", "", "", instances, Optional.empty());
    }

    /** Slice k: value 1000 at pixel index 10 * k, small noise elsewhere. */
    private static short[] spikeAt(int k) {
        short[] v = new short[N * N];
        for (int i = 0; i < v.length; i++) {
            v[i] = (short) (i % 7);
        }
        v[(10 * k) % (N * N)] = 1000;
        return v;
    }

    private static int argmax(NetworkInput in, int channel) {
        int best = 0;
        for (int i = 1; i < in.size() * in.size(); i++) {
            if (in.get(channel, i / in.size(), i % in.size()) > in.get(channel, best / in.size(),
                    best % in.size())) {
                best = i;
            }
        }
        return best;
    }

    private static void assertUnitRange(NetworkInput in) {
        float[] all = in.toArray();
        assertThat(all).hasSize(3 * in.size() * in.size());
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : all) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
    }

    @Test
    void aShortSeriesGivesItsFirstMiddleAndLastImage() throws Exception {
        SeriesRecord ct = series("CT", 10, NetworkInputsTest::spikeAt);
        NetworkInput in = inputs.of(ct, N).get();
        assertThat(in.representation()).isEqualTo(NetworkInput.Representation.THREE_IMAGES);
        assertThat(in.shape()).containsExactly(3, N, N);
        assertThat(in.imageCount()).isEqualTo(10);
        assertUnitRange(in);
        // first = slice 0, middle = slice 5 (10 / 2), last = slice 9
        assertThat(argmax(in, 0)).isEqualTo(0);
        assertThat(argmax(in, 1)).isEqualTo(50);
        assertThat(argmax(in, 2)).isEqualTo(90);
        assertThat(in.get(1, 50 / N, 50 % N)).isEqualTo(1f);
    }

    @Test
    void theMiddleImageLayoutRepeatsTheMiddleImageAndEqualisationSpreadsItsValues() throws Exception {
        SeriesRecord ct = series("CT", 10, NetworkInputsTest::spikeAt);
        InputEncoding middle = new InputEncoding(InputEncoding.Layout.MIDDLE_IMAGE, InputEncoding.Scaling.EQUALISED);
        NetworkInput in = inputs.of(ct, N, middle).get();
        assertThat(in.representation()).isEqualTo(NetworkInput.Representation.THREE_IMAGES);
        for (int c = 0; c < 3; c++) {
            assertThat(argmax(in, c)).isEqualTo(50);             // slice 5 in every channel
            assertThat(in.get(c, 50 / N, 50 % N)).isEqualTo(1f);  // the single highest value has the top rank
        }
        // values 0..6 repeat with the pixel index: seven tie groups whose mid-ranks grow with the value
        assertThat(in.get(0, 0, 1)).isGreaterThan(in.get(0, 0, 0));
        assertThat(in.get(0, 0, 6)).isLessThan(in.get(0, 50 / N, 50 % N));
        assertThat(in.get(0, 0, 0)).isGreaterThan(0f);           // the lowest tie group sits at its mid-rank
        NetworkInput minMax = inputs.of(ct, N, new InputEncoding(InputEncoding.Layout.MIDDLE_IMAGE,
                InputEncoding.Scaling.MIN_MAX)).get();
        assertThat(minMax.get(0, 0, 0)).isEqualTo(0f);
    }

    @Test
    void imagesAreResampledToTheInputSize() throws Exception {
        SeriesRecord ct = series("CT", 3, NetworkInputsTest::spikeAt);
        NetworkInput in = inputs.of(ct, 40).get();
        assertThat(in.shape()).containsExactly(3, 40, 40);
        assertUnitRange(in);
        NetworkInput small = inputs.ofFiles(ct.instances().stream().map(InstanceRecord::file).toList(), 8).get();
        assertThat(small.shape()).containsExactly(3, 8, 8);
    }

    @Test
    void aVolumeOfFortyOrMoreGivesTheThreeMips() throws Exception {
        int count = 45;
        // one bright voxel at x = 3, y = 4 in slice 20; the rest a gentle ramp along z
        SeriesRecord ct = series("CT", count, k -> {
            short[] v = new short[N * N];
            java.util.Arrays.fill(v, (short) k);
            if (k == 20) {
                v[4 * N + 3] = 5000;
            }
            return v;
        });
        NetworkInput in = inputs.of(ct, N).get();
        assertThat(in.representation()).isEqualTo(NetworkInput.Representation.MIPS);
        assertThat(in.imageCount()).isEqualTo(count);
        assertUnitRange(in);
        assertThat(argmax(in, 0)).isEqualTo(4 * N + 3);          // axial: (x 3, y 4)
        assertThat(argmax(in, 1) % N).isEqualTo(3);              // coronal: column x = 3
        assertThat(argmax(in, 2) % N).isEqualTo(4);              // sagittal: column y = 4
        int row = argmax(in, 1) / N;                             // slice 20 of 45 lands near 20.5 * 16 / 45 - 0.5
        assertThat(row).isBetween(6, 7);
    }

    @Test
    void twoDimensionalModalitiesNeverBecomeVolumes() throws Exception {
        SeriesRecord us = series("US", 41, NetworkInputsTest::spikeAt);
        assertThat(inputs.of(us, N).get().representation()).isEqualTo(NetworkInput.Representation.THREE_IMAGES);
        assertThat(new MipPreview(inputs).of(us, N).reason()).startsWith("no MIP: not a volume");
    }

    @Test
    void theMipPreviewShowsTheNetworksProjections() throws Exception {
        SeriesRecord ct = series("CT", 40, k -> {
            short[] v = new short[N * N];
            v[(k % N) * N + 2] = (short) (100 + k);
            return v;
        });
        List<BufferedImage> mips = new MipPreview(inputs).of(ct, N).get();
        assertThat(mips).hasSize(3);
        NetworkInput in = inputs.of(ct, N).get();
        for (int c = 0; c < 3; c++) {
            assertThat(mips.get(c).getWidth()).isEqualTo(N);
            assertThat(mips.get(c).getRaster().getSample(2, 5, 0)).isEqualTo(Math.round(in.get(c, 5, 2) * 255));
        }
    }

    @Test
    void filesAreSortedByInstanceNumberWhenGivenLoose() throws Exception {
        SeriesRecord ct = series("CT", 5, NetworkInputsTest::spikeAt);
        List<Path> shuffled = new ArrayList<>(ct.instances().stream().map(InstanceRecord::file).toList());
        Collections.reverse(shuffled);
        NetworkInput in = inputs.ofFiles(shuffled, N).get();
        assertThat(argmax(in, 0)).isEqualTo(0);
        assertThat(argmax(in, 1)).isEqualTo(20);
        assertThat(argmax(in, 2)).isEqualTo(40);
    }

    @Test
    void theThumbnailIsTheMiddleImageOrTheIcon() throws Exception {
        // slice k: columns < k bright, the rest dark
        SeriesRecord ct = series("CT", 10, k -> {
            short[] v = new short[N * N];
            for (int i = 0; i < v.length; i++) {
                v[i] = (short) (i % N < k ? 1000 : 0);
            }
            return v;
        });
        Thumbnails thumbnails = new Thumbnails(org.importdesk.engine.dicom.PixelDecoder.standard(), 128);
        BufferedImage t = thumbnails.of(ct).get();
        assertThat(t.getWidth()).isEqualTo(N);
        assertThat(t.getRaster().getSample(4, 0, 0)).isEqualTo(255);
        assertThat(t.getRaster().getSample(5, 0, 0)).isZero();

        byte[] grey = new byte[4 * 2];
        grey[3] = (byte) 200;
        SeriesRecord withIcon = new SeriesRecord(ct.seriesInstanceUid(), "CT", 1, "", "", "", ct.instances(),
                Optional.of(new IconImage(2, 4, grey)));
        BufferedImage icon = thumbnails.of(withIcon).get();
        assertThat(icon.getWidth()).isEqualTo(4);
        assertThat(icon.getHeight()).isEqualTo(2);
        assertThat(icon.getRaster().getSample(3, 0, 0)).isEqualTo(200);
    }

    @Test
    void aSeriesWithoutImagesHasAReason() {
        SeriesRecord empty = new SeriesRecord("1.2", "SR", 1, "", "", "", List.of(), Optional.empty());
        assertThat(inputs.of(empty, N).reason()).startsWith("no network input");
        assertThat(new Thumbnails().of(empty).reason()).startsWith("no preview");
    }
}
