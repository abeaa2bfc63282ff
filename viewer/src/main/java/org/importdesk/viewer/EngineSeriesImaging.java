package org.importdesk.viewer;

import org.importdesk.engine.dicom.DecodedFrames;
import org.importdesk.engine.dicom.DicomTag;
import org.importdesk.engine.dicom.FrameChoice;
import org.importdesk.engine.dicom.PixelDecoder;
import org.importdesk.engine.dicom.PixelFrame;
import org.importdesk.engine.imaging.FrameRenderer;
import org.importdesk.engine.imaging.ImageResult;
import org.importdesk.engine.imaging.Mips;
import org.importdesk.engine.imaging.Projections;
import org.importdesk.engine.imaging.SeriesImages;
import org.importdesk.engine.imaging.Thumbnails;
import org.importdesk.engine.imaging.Volume;
import org.importdesk.engine.media.InstanceRecord;
import org.importdesk.engine.media.SeriesRecord;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The views' imaging over the engine: {@link PixelDecoder} for frames, {@link Thumbnails} for the middle image,
 * {@link Mips} for the projections of a volume (z stretched to the slice spacing, head up in the side views).
 */
public final class EngineSeriesImaging implements SeriesImaging {

    private static final int MAX_MIP_DEPTH = 512;
    private final PixelDecoder decoder;

    public EngineSeriesImaging(PixelDecoder decoder) {
        this.decoder = decoder;
    }

    public EngineSeriesImaging() {
        this(PixelDecoder.standard());
    }

    @Override
    public BufferedImage thumbnail(SeriesRecord series, int maxSize) throws Exception {
        // the DICOMDIR icon is already on screen: render the middle image itself
        ImageResult<BufferedImage> r = new Thumbnails(decoder, maxSize).of(SeriesImages.of(series).middle());
        if (!r.present()) {
            throw new Exception(r.reason());
        }
        return r.get();
    }

    @Override
    public PixelFrame frame(InstanceRecord instance) throws Exception {
        DecodedFrames d = decoder.decode(instance.file(), FrameChoice.of(0));
        if (!d.decoded()) {
            throw new Exception(d.reason());
        }
        return d.first();
    }

    @Override
    public List<BufferedImage> mips(SeriesRecord series) throws Exception {
        if (!SeriesImaging.isVolume(series)) {
            return List.of();
        }
        List<float[]> slices = new ArrayList<>();
        int rows = -1, cols = -1;
        for (InstanceRecord i : series.instances()) {
            DecodedFrames d = decoder.decode(i.file(), FrameChoice.of(0));
            if (!d.decoded()) {
                continue; // a slice without preview leaves a gap, not a failure
            }
            PixelFrame f = d.first();
            if (rows < 0) {
                rows = f.rows();
                cols = f.columns();
            }
            if (f.rows() == rows && f.columns() == cols) {
                slices.add(f.greyValues());
            }
        }
        if (slices.size() < 2) {
            throw new Exception("too few decodable slices for a projection");
        }
        if (inferiorFirst(series)) {
            java.util.Collections.reverse(slices); // the side views show the head up
        }
        Volume v = new Volume(cols, rows, slices.size(), slices.toArray(float[][]::new));
        int depth = (int) Math.min(MAX_MIP_DEPTH, Math.max(2, Math.round(slices.size() * sliceSpacing(series) / pixelSpacing(series))));
        Projections p = depth == slices.size() ? Mips.project(v) : Mips.projectResampled(v, depth);
        double[] range = robustRange(p.axial());
        return List.of(
                render(p.axial(), p.width(), p.height(), range, false),
                render(p.coronal(), p.width(), p.depth(), range, false),
                render(p.sagittal(), p.height(), p.depth(), range, false));
    }

    /** Whether the slices run from the feet up (or the order is unknown): then they are reversed for the side views. */
    private static boolean inferiorFirst(SeriesRecord s) {
        double[] a = s.instances().get(0).header().attributes().decimals(DicomTag.IMAGE_POSITION_PATIENT);
        double[] b = s.instances().get(s.instances().size() - 1).header().attributes().decimals(DicomTag.IMAGE_POSITION_PATIENT);
        // rows of the side views go down with the slice index; the head belongs on top, so the first slice must be
        // the most superior one (largest z in the patient system)
        return !(a.length == 3 && b.length == 3 && a[2] > b[2]);
    }

    private static double sliceSpacing(SeriesRecord s) {
        double[] a = s.instances().get(0).header().attributes().decimals(DicomTag.IMAGE_POSITION_PATIENT);
        double[] b = s.instances().get(1).header().attributes().decimals(DicomTag.IMAGE_POSITION_PATIENT);
        if (a.length == 3 && b.length == 3) {
            double d = Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
            if (d > 0) {
                return d;
            }
        }
        return s.instances().get(0).header().attributes().decimal(DicomTag.SLICE_THICKNESS).orElse(1.0);
    }

    private static double pixelSpacing(SeriesRecord s) {
        double[] ps = s.instances().get(0).header().attributes().decimals(DicomTag.PIXEL_SPACING);
        return ps.length > 0 && ps[0] > 0 ? ps[0] : 1.0;
    }

    /** The 1st and 99.5th percentile: outliers neither black out nor saturate a projection. */
    static double[] robustRange(float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return new double[]{sorted[(int) (n * 0.01)], sorted[Math.min(n - 1, (int) (n * 0.995))]};
    }

    private static BufferedImage render(float[] values, int width, int height, double[] range, boolean flip) {
        float[] unit = new float[values.length];
        double span = Math.max(1e-6, range[1] - range[0]);
        for (int y = 0; y < height; y++) {
            int src = (flip ? height - 1 - y : y) * width;
            for (int x = 0; x < width; x++) {
                double u = (values[src + x] - range[0]) / span;
                unit[y * width + x] = (float) (u < 0 ? 0 : u > 1 ? 1 : u);
            }
        }
        return FrameRenderer.renderUnit(unit, width, height);
    }
}
