package org.importdesk.viewer;

import org.importdesk.engine.dicom.GreyFrame;
import org.importdesk.engine.dicom.GreyFrameReader;
import org.importdesk.engine.media.InstanceRecord;
import org.importdesk.engine.media.SeriesRecord;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;

/**
 * Imaging over the engine's greyscale frame reader: thumbnails of the middle image and maximum intensity
 * projections by direct loops over the slices (z stretched by the slice spacing to square voxels).
 */
public final class BasicSeriesImaging implements SeriesImaging {

    private final GreyFrameReader reader;

    public BasicSeriesImaging(GreyFrameReader reader) {
        this.reader = reader;
    }

    public BasicSeriesImaging() {
        this(GreyFrameReader.pixelMed());
    }

    @Override
    public BufferedImage thumbnail(SeriesRecord series, int maxSize) throws Exception {
        InstanceRecord middle = series.instances().get(series.instances().size() / 2);
        GreyFrame f = reader.read(middle.file());
        return scale(toImage(f.columns(), f.rows(), FxImages.windowedBytes(f, f.windowCentre(), f.windowWidth())), maxSize);
    }

    @Override
    public GreyFrame frame(InstanceRecord instance) throws Exception {
        return reader.read(instance.file());
    }

    @Override
    public List<BufferedImage> mips(SeriesRecord series) throws Exception {
        if (!SeriesImaging.isVolume(series)) {
            return List.of();
        }
        List<GreyFrame> slices = new ArrayList<>();
        for (InstanceRecord i : series.instances()) {
            slices.add(reader.read(i.file()));
        }
        GreyFrame first = slices.get(0);
        int rows = first.rows(), cols = first.columns(), depth = slices.size();
        float[] axial = new float[rows * cols];
        float[] coronal = new float[depth * cols];
        float[] sagittal = new float[depth * rows];
        java.util.Arrays.fill(axial, -Float.MAX_VALUE);
        java.util.Arrays.fill(coronal, -Float.MAX_VALUE);
        java.util.Arrays.fill(sagittal, -Float.MAX_VALUE);
        for (int z = 0; z < depth; z++) {
            float[] v = slices.get(z).values();
            if (v.length != rows * cols) {
                continue; // a slice of another size does not belong to the volume
            }
            int zz = depth - 1 - z; // head up in the side views
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    float value = v[y * cols + x];
                    int a = y * cols + x, c = zz * cols + x, s = zz * rows + y;
                    if (value > axial[a]) axial[a] = value;
                    if (value > coronal[c]) coronal[c] = value;
                    if (value > sagittal[s]) sagittal[s] = value;
                }
            }
        }
        double sliceSpacing = sliceSpacing(series);
        double pixelSpacing = series.instances().get(0).header().attributes().decimals(org.importdesk.engine.dicom.DicomTag.PIXEL_SPACING).length > 0
                ? series.instances().get(0).header().attributes().decimals(org.importdesk.engine.dicom.DicomTag.PIXEL_SPACING)[0] : 1.0;
        int stretchedDepth = (int) Math.max(1, Math.round(depth * sliceSpacing / Math.max(0.01, pixelSpacing)));
        // a projection keeps the brightest values (bone, contrast): window it on its own value range
        double[] range = robustRange(axial);
        double mipCentre = (range[0] + range[1]) / 2, mipWidth = Math.max(1, range[1] - range[0]);
        return List.of(
                render(axial, cols, rows, rows, mipCentre, mipWidth),
                render(coronal, cols, depth, stretchedDepth, mipCentre, mipWidth),
                render(sagittal, rows, depth, stretchedDepth, mipCentre, mipWidth));
    }

    /** The 1st and 99.5th percentile of the values: outliers neither black out nor saturate the image. */
    static double[] robustRange(float[] values) {
        float[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return new double[]{sorted[(int) (n * 0.01)], sorted[Math.min(n - 1, (int) (n * 0.995))]};
    }

    private static double sliceSpacing(SeriesRecord s) {
        if (s.instances().size() < 2) {
            return 1;
        }
        double[] a = s.instances().get(0).header().attributes().decimals(org.importdesk.engine.dicom.DicomTag.IMAGE_POSITION_PATIENT);
        double[] b = s.instances().get(1).header().attributes().decimals(org.importdesk.engine.dicom.DicomTag.IMAGE_POSITION_PATIENT);
        if (a.length == 3 && b.length == 3) {
            double d = Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
            if (d > 0) {
                return d;
            }
        }
        return s.instances().get(0).header().attributes().decimal(org.importdesk.engine.dicom.DicomTag.SLICE_THICKNESS).orElse(1.0);
    }

    private static BufferedImage render(float[] values, int width, int height, int outHeight, double centre, double w) {
        GreyFrame f = new GreyFrame(height, width, values, centre, w, false);
        BufferedImage img = toImage(width, height, FxImages.windowedBytes(f, centre, w));
        if (outHeight == height) {
            return img;
        }
        BufferedImage out = new BufferedImage(width, outHeight, BufferedImage.TYPE_BYTE_GRAY);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, width, outHeight, null);
        g.dispose();
        return out;
    }

    static BufferedImage toImage(int width, int height, byte[] grey) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(grey, 0, dst, 0, grey.length);
        return img;
    }

    static BufferedImage scale(BufferedImage src, int maxSize) {
        double f = Math.min(1.0, maxSize / (double) Math.max(src.getWidth(), src.getHeight()));
        int w = Math.max(1, (int) Math.round(src.getWidth() * f)), h = Math.max(1, (int) Math.round(src.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
