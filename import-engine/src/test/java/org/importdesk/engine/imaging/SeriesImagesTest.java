package org.importdesk.engine.imaging;

import org.importdesk.engine.dicom.CorpusFiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SeriesImagesTest {
    /** An enhanced 4D MR (13 time points x 40 slices in one file) is a volume of its 40 positions, not 520 images. */
    @Test
    void enhancedFourDimensionalMrIsAVolumeOfOneStack() {
        Path corpus = CorpusFiles.corpus();
        assumeTrue(corpus != null, "../shared/corpus absent: skipped");
        SeriesImages images = SeriesImages.ofFiles(List.of(corpus.resolve("dcm_qa_canon_61/3000.dcm")));
        assertThat(images.count()).isEqualTo(40);
        assertThat(images.isVolume()).isTrue();
        assertThat(images.images()).extracting(ImageRef::frame).doesNotHaveDuplicates().allMatch(f -> f < 40);
        // a classic multi-frame file without plane positions keeps all its frames in file order
        SeriesImages classic = SeriesImages.ofFiles(List.of(corpus.resolve("pydicom-data/emri_small.dcm")));
        assertThat(classic.images()).extracting(ImageRef::frame).containsExactly(
                java.util.stream.IntStream.range(0, classic.count()).boxed().toArray(Integer[]::new));
        assertThat(classic.count()).isGreaterThan(1);
    }
}
