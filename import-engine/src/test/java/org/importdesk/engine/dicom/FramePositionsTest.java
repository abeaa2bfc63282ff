package org.importdesk.engine.dicom;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Enhanced multi-frame frames ordered by Plane Position along the normal of the Plane Orientation. */
class FramePositionsTest {
    private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

    /** Just enough of a data set: numbers and sequences by tag. */
    private record Attributes(Map<Integer, double[]> numbers, Map<Integer, List<DicomAttributes>> sequences)
            implements DicomAttributes {
        static Attributes of(Map<Integer, double[]> numbers, Map<Integer, List<DicomAttributes>> sequences) {
            return new Attributes(numbers, sequences);
        }

        public boolean contains(int tag) {
            return numbers.containsKey(tag) || sequences.containsKey(tag);
        }

        public String string(int tag) {
            return "";
        }

        public List<String> strings(int tag) {
            return List.of();
        }

        public OptionalInt integer(int tag) {
            return OptionalInt.empty();
        }

        public OptionalDouble decimal(int tag) {
            double[] v = decimals(tag);
            return v.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(v[0]);
        }

        public double[] decimals(int tag) {
            return numbers.getOrDefault(tag, new double[0]);
        }

        public List<DicomAttributes> sequence(int tag) {
            return sequences.getOrDefault(tag, List.of());
        }

        public byte[] bytes(int tag) {
            return new byte[0];
        }

        public Set<Integer> tags() {
            return Set.of();
        }
    }

    private static DicomAttributes item(int tag, double[] values) {
        return Attributes.of(Map.of(tag, values), Map.of());
    }

    /** A data set whose frame f lies at z[f] (axial: z is the position along the normal), orientation shared. */
    private static DicomAttributes enhanced(double... z) {
        List<DicomAttributes> perFrame = new java.util.ArrayList<>();
        for (double v : z) {
            perFrame.add(Attributes.of(Map.of(), Map.of(FramePositions.PLANE_POSITION_SEQUENCE,
                    List.of(item(DicomTag.IMAGE_POSITION_PATIENT, new double[]{-100, -120, v})))));
        }
        DicomAttributes shared = Attributes.of(Map.of(), Map.of(FramePositions.PLANE_ORIENTATION_SEQUENCE,
                List.of(item(DicomTag.IMAGE_ORIENTATION_PATIENT, AXIAL))));
        return Attributes.of(Map.of(), Map.of(FunctionalGroups.PER_FRAME, perFrame,
                FunctionalGroups.SHARED, List.of(shared)));
    }

    @Test
    void shuffledFramesComeBackAscendingAlongTheNormal() {
        assertThat(FramePositions.volumeOrder(enhanced(30, 10, 50, 20, 40), 5)).containsExactly(1, 3, 0, 4, 2);
        assertThat(FramePositions.volumeOrder(enhanced(9, 6, 3), 3)).containsExactly(2, 1, 0);
    }

    @Test
    void repeatedStacksGiveTheFirstFrameAtEachPosition() {
        // two time points of three slices, the second stack stored in reverse
        assertThat(FramePositions.volumeOrder(enhanced(0, 5, 10, 10, 5, 0), 6)).containsExactly(0, 1, 2);
    }

    @Test
    void framesWithoutPositionsStayInFileOrder() {
        DicomAttributes classic = Attributes.of(Map.of(), Map.of());
        assertThat(FramePositions.volumeOrder(classic, 4)).containsExactly(0, 1, 2, 3);
        DicomAttributes noOrientation = Attributes.of(Map.of(), Map.of(FunctionalGroups.PER_FRAME,
                List.of(Attributes.of(Map.of(), Map.of()), Attributes.of(Map.of(), Map.of()))));
        assertThat(FramePositions.volumeOrder(noOrientation, 2)).containsExactly(0, 1);
    }

    /**
     * Canon 4D MR of the corpus: 520 frames, 13 time points of 40 slices (pydicom: frame f at -37.04 + 3 (f mod 40)
     * mm along the normal): a volume of 40 frames, 0..39.
     */
    @Test
    void canonFourDimensionalMrGivesOneStack() throws Exception {
        Path corpus = CorpusFiles.corpus();
        assumeTrue(corpus != null, "../shared/corpus absent: skipped");
        DicomHeader header = DicomFiles.pixelMed().readHeader(corpus.resolve("dcm_qa_canon_61/3000.dcm"));
        int[] order = FramePositions.volumeOrder(header.attributes(), 520);
        assertThat(order).hasSize(40);
        assertThat(order).containsExactly(java.util.stream.IntStream.range(0, 40).toArray());
    }
}
