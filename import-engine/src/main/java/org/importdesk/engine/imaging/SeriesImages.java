package org.importdesk.engine.imaging;

import org.importdesk.engine.dicom.DicomAttributes;
import org.importdesk.engine.dicom.DicomFiles;
import org.importdesk.engine.dicom.DicomHeader;
import org.importdesk.engine.dicom.DicomReadException;
import org.importdesk.engine.dicom.DicomTag;
import org.importdesk.engine.dicom.FramePositions;
import org.importdesk.engine.media.InstanceRecord;
import org.importdesk.engine.media.SeriesRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The images of a series in order, each frame of a multi-frame file counted as one image, and whether the series
 * is a volume (MOMO: 40 or more cross-sectional images) or 2D. Enhanced multi-frame files give their frames by
 * position along the slice normal, one per position ({@link FramePositions#volumeOrder}).
 *
 * @param images   in display order
 * @param modality from the series or its first file
 * @param colour   whether the first image is colour (RGB, YBR, palette)
 */
public record SeriesImages(List<ImageRef> images, String modality, boolean colour) {
    /** Modalities whose multi-frame images are projections or cine loops, never a volume to project. */
    static final Set<String> PROJECTION_MODALITIES = Set.of("CR", "DX", "MG", "XA", "RF", "US", "IO", "PX", "XC",
            "ES", "SC", "OT", "DOC", "SM", "OP", "GM");
    public static final int VOLUME_THRESHOLD = 40;

    public SeriesImages {
        images = List.copyOf(images);
        modality = modality == null ? "" : modality;
    }

    public int count() {
        return images.size();
    }

    /** 40 or more greyscale images of a cross-sectional modality (CT, MR, PT, NM, ...). */
    public boolean isVolume() {
        return count() >= VOLUME_THRESHOLD && !colour
                && !PROJECTION_MODALITIES.contains(modality.toUpperCase(Locale.ROOT));
    }

    /** First, middle and last image (indices 0, n/2, n-1); the same image repeated for shorter series. */
    public List<ImageRef> firstMiddleLast() {
        if (images.isEmpty()) {
            return List.of();
        }
        int n = images.size();
        return List.of(images.get(0), images.get(n / 2), images.get(n - 1));
    }

    public ImageRef middle() {
        return images.get(images.size() / 2);
    }

    /** The images of a series record: its instances in their display order, frames expanded. */
    public static SeriesImages of(SeriesRecord series) {
        List<ImageRef> refs = new ArrayList<>();
        boolean colour = false;
        boolean first = true;
        for (InstanceRecord instance : series.instances()) {
            DicomHeader header = instance.header();
            if (header != null && !header.hasPixelData()) {
                continue;
            }
            int frames = header == null ? 1 : Math.max(1, header.attributes().integer(DicomTag.NUMBER_OF_FRAMES)
                    .orElse(1));
            if (first && header != null) {
                colour = isColour(header.attributes());
                first = false;
            }
            for (int f : header == null ? new int[]{0} : FramePositions.volumeOrder(header.attributes(), frames)) {
                refs.add(new ImageRef(instance.file(), f));
            }
        }
        return new SeriesImages(refs, series.modality(), colour);
    }

    /**
     * The images of loose files of one series: headers read, files without pixel data left out, sorted by
     * position along the slice normal when every file has one, else by Instance Number, else as given.
     */
    public static SeriesImages ofFiles(List<Path> files) {
        DicomFiles reader = DicomFiles.pixelMed();
        record Entry(Path file, int[] frames, int instance, double position, boolean hasPosition, int given) {
        }
        List<Entry> entries = new ArrayList<>();
        String modality = "";
        boolean colour = false;
        for (int i = 0; i < files.size(); i++) {
            DicomHeader header;
            try {
                header = reader.readHeader(files.get(i));
            } catch (DicomReadException e) {
                continue;
            }
            if (!header.hasPixelData()) {
                continue;
            }
            DicomAttributes a = header.attributes();
            if (entries.isEmpty()) {
                modality = header.modality();
                colour = isColour(a);
            }
            double[] ipp = a.decimals(DicomTag.IMAGE_POSITION_PATIENT);
            double[] iop = a.decimals(DicomTag.IMAGE_ORIENTATION_PATIENT);
            boolean hasPosition = ipp.length == 3 && iop.length == 6;
            double position = hasPosition ? FramePositions.alongNormal(ipp, iop) : 0;
            int frames = Math.max(1, a.integer(DicomTag.NUMBER_OF_FRAMES).orElse(1));
            entries.add(new Entry(files.get(i), FramePositions.volumeOrder(a, frames),
                    a.integer(DicomTag.INSTANCE_NUMBER).orElse(Integer.MAX_VALUE), position, hasPosition, i));
        }
        boolean allPositions = !entries.isEmpty() && entries.stream().allMatch(Entry::hasPosition);
        Comparator<Entry> order = allPositions ? Comparator.comparingDouble(Entry::position)
                : Comparator.comparingInt(Entry::instance);
        entries.sort(order.thenComparingInt(Entry::given));
        List<ImageRef> refs = new ArrayList<>();
        for (Entry e : entries) {
            for (int f : e.frames()) {
                refs.add(new ImageRef(e.file(), f));
            }
        }
        return new SeriesImages(refs, modality, colour);
    }

    private static boolean isColour(DicomAttributes a) {
        String pi = a.string(DicomTag.PHOTOMETRIC_INTERPRETATION).toUpperCase(Locale.ROOT);
        return a.integer(DicomTag.SAMPLES_PER_PIXEL).orElse(1) == 3 || pi.startsWith("PALETTE")
                || pi.startsWith("RGB") || pi.startsWith("YBR");
    }
}
