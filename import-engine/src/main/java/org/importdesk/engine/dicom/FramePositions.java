package org.importdesk.engine.dicom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where the frames of an enhanced multi-frame object lie: Image Position (Patient) of each frame's Plane Position
 * Sequence projected on the slice normal of its Plane Orientation Sequence (per-frame or shared functional groups).
 * Enhanced files may store frames in any order (by time point, echo, stack), so a volume needs them ordered by
 * position, one frame per position.
 */
public final class FramePositions {
    static final int PLANE_POSITION_SEQUENCE = 0x00209113;
    static final int PLANE_ORIENTATION_SEQUENCE = 0x00209116;

    private FramePositions() {
    }

    /**
     * The frames to use as a volume, ascending along the slice normal: the first frame (lowest index) at each
     * distinct position, so that repeated stacks (time points, echoes) count once. All frames in file order when
     * some frame has no position or orientation (classic multi-frame, projections, cine).
     */
    public static int[] volumeOrder(DicomAttributes dataSet, int numberOfFrames) {
        int[] fileOrder = IntStream.range(0, Math.max(0, numberOfFrames)).toArray();
        if (numberOfFrames < 2 || !dataSet.contains(FunctionalGroups.PER_FRAME)) {
            return fileOrder;
        }
        List<DicomAttributes> perFrame = dataSet.sequence(FunctionalGroups.PER_FRAME); // once: items are parsed
        if (perFrame.size() < numberOfFrames) {
            return fileOrder;
        }
        List<DicomAttributes> sharedItems = dataSet.sequence(FunctionalGroups.SHARED);
        DicomAttributes shared = sharedItems.isEmpty() ? null : sharedItems.get(0);
        double[] along = new double[numberOfFrames];
        for (int f = 0; f < numberOfFrames; f++) {
            double[] ipp = value(perFrame.get(f), shared, PLANE_POSITION_SEQUENCE, DicomTag.IMAGE_POSITION_PATIENT);
            double[] iop = value(perFrame.get(f), shared, PLANE_ORIENTATION_SEQUENCE,
                    DicomTag.IMAGE_ORIENTATION_PATIENT);
            if (ipp.length != 3 || iop.length != 6) {
                return fileOrder;
            }
            along[f] = alongNormal(ipp, iop);
        }
        List<Integer> firstAtPosition = new ArrayList<>();
        for (int f = 0; f < numberOfFrames; f++) {
            boolean seen = false;
            for (int earlier : firstAtPosition) {
                if (Math.abs(along[earlier] - along[f]) < 1e-3) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                firstAtPosition.add(f);
            }
        }
        firstAtPosition.sort(Comparator.<Integer>comparingDouble(f -> along[f]).thenComparingInt(f -> f));
        return firstAtPosition.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The numbers of {@code tag} in the first item of macro {@code sequence}: the frame's own, else the shared. */
    private static double[] value(DicomAttributes frame, DicomAttributes shared, int sequence, int tag) {
        List<DicomAttributes> items = frame.sequence(sequence);
        if (items.isEmpty() && shared != null) {
            items = shared.sequence(sequence);
        }
        return items.isEmpty() ? new double[0] : items.get(0).decimals(tag);
    }

    /** Image Position (Patient) projected on the normal of Image Orientation (Patient) (row x column cosines). */
    public static double alongNormal(double[] ipp, double[] iop) {
        double nx = iop[1] * iop[5] - iop[2] * iop[4];
        double ny = iop[2] * iop[3] - iop[0] * iop[5];
        double nz = iop[0] * iop[4] - iop[1] * iop[3];
        return ipp[0] * nx + ipp[1] * ny + ipp[2] * nz;
    }
}
