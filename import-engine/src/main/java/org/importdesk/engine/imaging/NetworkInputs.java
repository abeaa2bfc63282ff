package org.importdesk.engine.imaging;

import org.importdesk.engine.dicom.DecodedFrames;
import org.importdesk.engine.dicom.FrameChoice;
import org.importdesk.engine.dicom.PixelDecoder;
import org.importdesk.engine.dicom.PixelFrame;
import org.importdesk.engine.dicom.VoiWindow;
import org.importdesk.engine.media.SeriesRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds MOMO's network input for a series, as in the paper: greyscale, normalised to [0,1]; a series of fewer
 * than 40 images (or a 2D one: projection radiography, US, XA, colour) gives its first, middle and last image
 * resampled to size x size; a volume of 40 or more gives the MIPs along its three axes after resampling it to
 * size x size in-plane (ImageJ bicubic) and to size slices along z (cubic). Each channel is min-max normalised on
 * its own. The paper used size 512, the authors' code 224. The MIP channels are also the viewer's MIP preview.
 */
public final class NetworkInputs {
    /** Volume slices larger than this (or than the input size) are shrunk as they are read. */
    static final int MAX_VOLUME_SIDE = 512;

    private final PixelDecoder decoder;

    public NetworkInputs(PixelDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder);
    }

    public NetworkInputs() {
        this(PixelDecoder.standard());
    }

    public ImageResult<NetworkInput> of(SeriesRecord series, int size) {
        return of(SeriesImages.of(series), size);
    }

    public ImageResult<NetworkInput> ofFiles(List<Path> files, int size) {
        return of(SeriesImages.ofFiles(files), size);
    }

    public ImageResult<NetworkInput> of(SeriesRecord series, int size, InputEncoding encoding) {
        return of(SeriesImages.of(series), size, encoding);
    }

    public ImageResult<NetworkInput> ofFiles(List<Path> files, int size, InputEncoding encoding) {
        return of(SeriesImages.ofFiles(files), size, encoding);
    }

    /** The input in the given encoding as CHW floats, empty when the series has none. */
    public Optional<float[]> chw(SeriesRecord series, int size, InputEncoding encoding) {
        return of(series, size, encoding).value().map(NetworkInput::toArray);
    }

    /** {@link #chw(SeriesRecord, int, InputEncoding)} over loose files of one series. */
    public Optional<float[]> chw(List<Path> files, int size, InputEncoding encoding) {
        return ofFiles(files, size, encoding).value().map(NetworkInput::toArray);
    }

    /**
     * The input as CHW floats, empty when the series has none (the shape of the inference package's
     * {@code SeriesInputs}: {@code new NetworkInputs()::chw} fits it).
     */
    public Optional<float[]> chw(SeriesRecord series, int size) {
        return of(series, size).value().map(NetworkInput::toArray);
    }

    /** {@link #chw(SeriesRecord, int)} over loose files of one series (fits {@code FileSeriesInputs}). */
    public Optional<float[]> chw(List<Path> files, int size) {
        return ofFiles(files, size).value().map(NetworkInput::toArray);
    }

    public ImageResult<NetworkInput> of(SeriesImages images, int size) {
        return of(images, size, InputEncoding.MOMO_MIN_MAX);
    }

    public ImageResult<NetworkInput> of(SeriesImages images, int size, InputEncoding encoding) {
        if (size < 8) {
            throw new IllegalArgumentException("input size must be at least 8: " + size);
        }
        if (images.count() == 0) {
            return ImageResult.none("no network input: the series has no images");
        }
        InputEncoding.Scaling scaling = encoding.scaling();
        boolean windowed = scaling == InputEncoding.Scaling.DISPLAY_WINDOW;
        if (encoding.layout() == InputEncoding.Layout.MIDDLE_IMAGE) {
            ImageRef middle = images.middle();
            return threeImages(images, List.of(middle, middle, middle), size, scaling);
        }
        if (images.isVolume()) {
            ImageResult<Volume> volume = readVolume(images.images(), Math.max(size, MAX_VOLUME_SIDE));
            if (volume.present() && volume.get().depth() >= SeriesImages.VOLUME_THRESHOLD) {
                if (scaling == InputEncoding.Scaling.MIN_MAX) {
                    return ImageResult.of(fromVolume(volume.get(), size, images.count()));
                }
                if (scaling == InputEncoding.Scaling.EQUALISED) {
                    return ImageResult.of(equalisedMips(volume.get(), size, images));
                }
                // the MIP of windowed values is the window applied to the MIP (the window is monotonic)
                ImageRef middle = images.middle();
                DecodedFrames m = decoder.decode(middle.file(), FrameChoice.of(new int[]{middle.frame()}));
                if (m.decoded() && !m.frames().isEmpty()) {
                    PixelFrame frame = m.frames().get(0);
                    return ImageResult.of(fromVolume(volume.get(), size, images.count(), windowed
                            ? DisplayWindowing.windowFor(frame, images.modality()) : null, frame.isInverted()));
                }
            }
        }
        return threeImages(images, images.firstMiddleLast(), size, scaling);
    }

    private ImageResult<NetworkInput> threeImages(SeriesImages images, List<ImageRef> chosen, int size,
                                                  InputEncoding.Scaling scaling) {
        Map<ImageRef, PixelFrame> decoded = new HashMap<>();
        String reason = "";
        for (Map.Entry<Path, List<ImageRef>> byFile : byFile(chosen.stream().distinct().toList()).entrySet()) {
            int[] frames = byFile.getValue().stream().mapToInt(ImageRef::frame).toArray();
            DecodedFrames result = decoder.decode(byFile.getKey(), FrameChoice.of(frames));
            if (!result.decoded()) {
                reason = result.reason();
                continue;
            }
            for (PixelFrame frame : result.frames()) {
                decoded.put(new ImageRef(byFile.getKey(), frame.frameIndex()), frame);
            }
        }
        float[] chw = new float[NetworkInput.CHANNELS * size * size];
        for (int c = 0; c < NetworkInput.CHANNELS; c++) {
            PixelFrame frame = decoded.get(chosen.get(c));
            if (frame == null) {
                return ImageResult.none(reason.isEmpty() ? "no network input: image " + (c + 1) + " not decoded"
                        : reason);
            }
            float[] resized = Resampling.resize(frame.greyValues(), frame.columns(), frame.rows(), size, size);
            boolean invert = !frame.isColour() && frame.isInverted();
            float[] plane = switch (scaling) {
                case MIN_MAX -> Resampling.toUnitRange(resized);
                case PERCENTILE_WINDOW -> DisplayWindowing.percentile(resized, invert);
                case EQUALISED -> DisplayWindowing.equalise(resized, invert);
                case DISPLAY_WINDOW -> frame.isColour()
                        ? DisplayWindowing.apply(resized, new VoiWindow(127.5, 255, "8-bit"), false)
                        : DisplayWindowing.apply(resized, DisplayWindowing.windowFor(frame, images.modality()), invert);
            };
            System.arraycopy(plane, 0, chw, c * size * size, plane.length);
        }
        return ImageResult.of(new NetworkInput(size, NetworkInput.Representation.THREE_IMAGES, images.count(), chw));
    }

    private NetworkInput equalisedMips(Volume volume, int size, SeriesImages images) {
        boolean invert = false;
        ImageRef middle = images.middle();
        DecodedFrames m = decoder.decode(middle.file(), FrameChoice.of(new int[]{middle.frame()}));
        if (m.decoded() && !m.frames().isEmpty()) {
            invert = m.frames().get(0).isInverted();
        }
        NetworkInput raw = fromVolume(volume, size, images.count());
        float[] chw = raw.toArray();
        int plane = size * size;
        for (int c = 0; c < NetworkInput.CHANNELS; c++) {
            float[] p = java.util.Arrays.copyOfRange(chw, c * plane, (c + 1) * plane);
            System.arraycopy(DisplayWindowing.equalise(p, invert), 0, chw, c * plane, plane);
        }
        return new NetworkInput(size, NetworkInput.Representation.MIPS, images.count(), chw);
    }

    /**
     * {@link #fromVolume(Volume, int, int)} with each projection shown through a display window, or (window null)
     * through its own 1st-99th percentile window.
     */
    public static NetworkInput fromVolume(Volume volume, int size, int imageCount, VoiWindow window, boolean invert) {
        return mips(volume, size, imageCount, plane -> window == null ? DisplayWindowing.percentile(plane, invert)
                : DisplayWindowing.apply(plane, window, invert));
    }

    /**
     * The MIP representation of a volume already in memory: MIPs of the volume resampled to {@code size} slices
     * along z (cubic, computed slice by slice by {@link Mips#projectResampled}), then each projection resampled
     * in-plane to size x size (ImageJ bicubic) and normalised to [0,1].
     */
    public static NetworkInput fromVolume(Volume volume, int size, int imageCount) {
        return mips(volume, size, imageCount, Resampling::toUnitRange);
    }

    /** The three MIPs of the volume resampled to size x size, each plane scaled to [0,1] by {@code scale}. */
    private static NetworkInput mips(Volume volume, int size, int imageCount,
                                     java.util.function.UnaryOperator<float[]> scale) {
        Projections p = Mips.projectResampled(volume, size);
        int w = volume.width();
        int h = volume.height();
        float[] chw = new float[NetworkInput.CHANNELS * size * size];
        float[][] planes = {
                Resampling.resize(p.axial(), w, h, size, size),
                Resampling.resize(p.coronal(), w, size, size, size),
                Resampling.resize(p.sagittal(), h, size, size, size)};
        for (int c = 0; c < planes.length; c++) {
            System.arraycopy(scale.apply(planes[c]), 0, chw, c * size * size, size * size);
        }
        return new NetworkInput(size, NetworkInput.Representation.MIPS, imageCount, chw);
    }

    /**
     * Reads the images as a greyscale volume at their own resolution; slices larger than {@code maxSide} on a side
     * are resampled (ImageJ bicubic) to fit as they are decoded, so a long series of large images stays in bounds.
     * Images that do not decode or whose size differs from the most common one are left out.
     */
    public ImageResult<Volume> readVolume(List<ImageRef> images, int maxSide) {
        Map<Path, List<ImageRef>> files = byFile(images);
        Map<ImageRef, float[]> slices = new java.util.concurrent.ConcurrentHashMap<>();
        Map<ImageRef, Long> shapes = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> reasons = java.util.Collections.synchronizedList(new ArrayList<>());
        files.entrySet().parallelStream().forEach(e -> {
            int[] frames = e.getValue().stream().mapToInt(ImageRef::frame).toArray();
            DecodedFrames result = decoder.decode(e.getKey(), FrameChoice.of(frames));
            if (!result.decoded()) {
                reasons.add(result.reason());
                return;
            }
            for (PixelFrame frame : result.frames()) {
                ImageRef ref = new ImageRef(e.getKey(), frame.frameIndex());
                int rows = frame.rows();
                int columns = frame.columns();
                float[] grey = frame.greyValues();
                if (Math.max(rows, columns) > maxSide) {
                    double scale = (double) maxSide / Math.max(rows, columns);
                    int newColumns = Math.max(1, (int) Math.round(columns * scale));
                    int newRows = Math.max(1, (int) Math.round(rows * scale));
                    grey = Resampling.resize(grey, columns, rows, newColumns, newRows);
                    rows = newRows;
                    columns = newColumns;
                }
                slices.put(ref, grey);
                shapes.put(ref, (long) rows << 32 | columns);
            }
        });
        if (slices.isEmpty()) {
            return ImageResult.none(reasons.isEmpty() ? "no image decoded" : reasons.get(0));
        }
        long commonShape = shapes.values().stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<float[]> ordered = new ArrayList<>();
        for (ImageRef ref : images) {
            float[] slice = slices.get(ref);
            if (slice != null && shapes.get(ref) == commonShape) {
                ordered.add(slice);
            }
        }
        int rows = (int) (commonShape >>> 32);
        int columns = (int) commonShape;
        return ImageResult.of(new Volume(columns, rows, ordered.size(), ordered.toArray(new float[0][])));
    }

    private static Map<Path, List<ImageRef>> byFile(List<ImageRef> images) {
        Map<Path, List<ImageRef>> out = new LinkedHashMap<>();
        for (ImageRef ref : images) {
            out.computeIfAbsent(ref.file(), k -> new ArrayList<>()).add(ref);
        }
        return out;
    }
}
