package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.CompressedFrameDecoder;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * {@link PixelDecoder} over PixelMed: PixelMed parses the file (with decompression off, so only the frames asked for
 * are decoded) and decodes JPEG baseline/8-bit extended, JPEG lossless and JPEG 2000 frames; RLE and deflated frames
 * are decoded here, JPEG-LS by CharLS, JPEG 2000 and HTJ2K by OpenJPEG (JPEG 2000 falls back to jai-imageio),
 * 12-bit and progressive JPEG by {@link JpegDctDecoder}.
 */
final class PixelMedPixelDecoder implements PixelDecoder {
    static final String RLE = "1.2.840.10008.1.2.5";
    static final String DEFLATED_FRAMES = "1.2.840.10008.1.2.8.1";
    private static final Set<String> JPEG_LS = Set.of("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81");
    private static final Set<String> HTJ2K = Set.of("1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202",
            "1.2.840.10008.1.2.4.203");
    private static final Set<String> JPEG_LOSSLESS = Set.of("1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70");
    private static final Set<String> JPEG_2000 = Set.of("1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91");
    private static final Set<String> JPEG_DCT = Set.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.53", "1.2.840.10008.1.2.4.55");
    private static final Set<String> PIXELMED_CODECS = Set.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91");

    /** The Image Pixel module of the file. */
    private record PixelModule(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
                               boolean signed, String photometric, int planarConfiguration, int numberOfFrames) {
        int pixels() {
            return rows * columns;
        }
    }

    /** Stored samples of one frame, interleaved, before sign and Modality LUT; photometric as they now are. */
    private record RawFrame(int[] samples, int samplesPerPixel, String photometric, int rows, int columns) {
        /** A frame of the size the header gives. */
        RawFrame(int[] samples, int samplesPerPixel, String photometric) {
            this(samples, samplesPerPixel, photometric, -1, -1);
        }
    }

    @Override
    public DecodedFrames decode(Path file, FrameChoice choice) {
        return decode(file, choice, Integer.MAX_VALUE);
    }

    @Override
    public DecodedFrames decode(Path file, FrameChoice choice, int maxSide) {
        String ts = "";
        int numberOfFrames = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
             DicomInputStream dis = new DicomInputStream(in)) {
            AttributeList list = new AttributeList();
            list.setDecompressPixelData(false);
            list.read(dis);
            ts = transferSyntax(list, dis);
            Attribute pixelData = list.get(TagFromName.PixelData);
            if (pixelData == null) {
                Attribute floats = list.get(TagFromName.FloatPixelData);
                if (floats == null) {
                    floats = list.get(TagFromName.DoubleFloatPixelData);
                }
                if (floats == null) {
                    return DecodedFrames.noPreview(0, ts, "no preview: no pixel data");
                }
                PixelModule module = module(list);
                numberOfFrames = module.numberOfFrames();
                return FloatFrames.decode(floats, module.rows(), module.columns(), module.samplesPerPixel(),
                        numberOfFrames, choice, maxSide, new PixelMedAttributes(list), ts);
            }
            PixelModule module = module(list);
            numberOfFrames = module.numberOfFrames();
            String problem = unsupported(module);
            if (problem != null) {
                return DecodedFrames.noPreview(numberOfFrames, ts, "no preview: " + problem);
            }
            PixelMedAttributes attributes = new PixelMedAttributes(list);
            FrameSource source = source(file, pixelData, module, ts, maxSide);
            List<PixelFrame> frames = new ArrayList<>();
            for (int index : choice.resolve(numberOfFrames)) {
                RawFrame raw = reduced(source.frame(index), module, maxSide);
                frames.add(toFrame(module, raw, index, attributes));
            }
            if (frames.isEmpty()) {
                return DecodedFrames.noPreview(numberOfFrames, ts, "no preview: no frame selected");
            }
            return DecodedFrames.of(frames, numberOfFrames, ts);
        } catch (DecodeException e) {
            return DecodedFrames.noPreview(numberOfFrames, ts, "no preview: " + TransferSyntaxNames.describe(ts)
                    + ": " + e.getMessage());
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            String m = e.getMessage();
            return DecodedFrames.noPreview(numberOfFrames, ts, "no preview: cannot decode "
                    + (ts.isEmpty() ? "file" : TransferSyntaxNames.describe(ts)) + ": "
                    + e.getClass().getSimpleName() + (m == null ? "" : ": " + m));
        }
    }

    private static String transferSyntax(AttributeList list, DicomInputStream dis) {
        String ts = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID).trim();
        if (ts.isEmpty()) {
            TransferSyntax read = dis.getTransferSyntaxToReadDataSet();
            ts = read == null ? "" : read.getUID();
        }
        return ts;
    }

    private static PixelModule module(AttributeList list) {
        int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
        int spp = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1);
        int allocated = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 16);
        int stored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, allocated);
        if (stored <= 0 || stored > allocated) {
            stored = allocated;
        }
        boolean signed = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
        String photometric = Attribute.getSingleStringValueOrDefault(list, TagFromName.PhotometricInterpretation,
                spp == 3 ? "RGB" : "MONOCHROME2").trim().toUpperCase();
        int planar = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PlanarConfiguration, 0);
        int frames = Math.max(1, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1));
        return new PixelModule(rows, columns, spp, allocated, stored, signed, photometric, planar, frames);
    }

    private static String unsupported(PixelModule m) {
        if (m.rows() <= 0 || m.columns() <= 0) {
            return "no Rows/Columns";
        }
        if (m.samplesPerPixel() != 1 && m.samplesPerPixel() != 3) {
            return m.samplesPerPixel() + " samples per pixel";
        }
        if (m.bitsAllocated() == 12 && (m.samplesPerPixel() != 1 || m.bitsStored() > 12)) {
            return "Bits Allocated 12 with " + m.samplesPerPixel() + " samples per pixel, Bits Stored "
                    + m.bitsStored();
        }
        if (m.bitsAllocated() != 1 && m.bitsAllocated() != 8 && m.bitsAllocated() != 12 && m.bitsAllocated() != 16
                && m.bitsAllocated() != 32) {
            return "Bits Allocated " + m.bitsAllocated();
        }
        if (m.samplesPerPixel() == 1 && !m.photometric().startsWith("MONOCHROME")
                && !m.photometric().equals("PALETTE COLOR")) {
            return "photometric interpretation " + m.photometric() + " with one sample per pixel";
        }
        return null;
    }

    // ---------------------------------------------------------------- where the stored samples of a frame come from

    private interface FrameSource {
        RawFrame frame(int index) throws DecodeException;
    }

    private static FrameSource source(Path file, Attribute pixelData, PixelModule m, String ts, int maxSide)
            throws Exception {
        if (pixelData instanceof OtherByteAttributeMultipleCompressedFrames compressed) {
            byte[][] pixelMedFrames = compressed.getFrames();
            // PixelMed keeps no frames for transfer syntaxes it does not know (HTJ2K, deflated frames, ...)
            byte[][] frames = pixelMedFrames == null || pixelMedFrames.length == 0
                    ? EncapsulatedFrames.read(file, m.numberOfFrames()) : pixelMedFrames;
            return index -> {
                if (index >= frames.length) {
                    throw new DecodeException("frame " + (index + 1) + " missing: the pixel data holds "
                            + frames.length + " of " + m.numberOfFrames());
                }
                return decodeCompressed(frames, index, m, ts, maxSide);
            };
        }
        byte[] bytes = littleEndianBytes(pixelData, m);
        return index -> nativeFrame(bytes, index, m);
    }

    /** The pixel data as bytes in little-endian order (PixelMed gives OW as words already in host order). */
    private static byte[] littleEndianBytes(Attribute pixelData, PixelModule m) throws Exception {
        if (pixelData instanceof OtherWordAttribute || "OW".equals(new String(pixelData.getVR()))) {
            short[] words = pixelData.getShortValues();
            if (words == null) {
                throw new DecodeException("pixel data holds no values");
            }
            byte[] out = new byte[words.length * 2];
            for (int i = 0; i < words.length; i++) {
                out[2 * i] = (byte) words[i];
                out[2 * i + 1] = (byte) (words[i] >> 8);
            }
            return out;
        }
        byte[] bytes = pixelData.getByteValues();
        if (bytes == null) {
            throw new DecodeException("pixel data holds no values");
        }
        return bytes;
    }

    private static RawFrame nativeFrame(byte[] data, int index, PixelModule m) throws DecodeException {
        int spp = m.samplesPerPixel();
        int pixels = m.pixels();
        boolean ybr422 = spp == 3 && m.photometric().startsWith("YBR") && m.photometric().endsWith("_422");
        if (m.bitsAllocated() == 1) {
            long firstBit = (long) index * pixels;
            if ((firstBit + pixels + 7) / 8 > data.length) {
                throw new DecodeException("pixel data too short for frame " + (index + 1));
            }
            int[] out = new int[pixels];
            for (int i = 0; i < pixels; i++) {
                long bit = firstBit + i;
                out[i] = (data[(int) (bit >>> 3)] >> (int) (bit & 7)) & 1;
            }
            return new RawFrame(out, 1, m.photometric());
        }
        if (m.bitsAllocated() == 12) {
            return new RawFrame(unpack12(data, index, pixels), 1, m.photometric());
        }
        int bytesPerSample = m.bitsAllocated() / 8;
        int samplesPerFrame = ybr422 ? pixels * 2 : pixels * spp;
        long offset = (long) index * samplesPerFrame * bytesPerSample;
        if (offset + (long) samplesPerFrame * bytesPerSample > data.length) {
            throw new DecodeException("pixel data too short for frame " + (index + 1) + " (" + data.length
                    + " bytes)");
        }
        int[] samples = new int[samplesPerFrame];
        int o = (int) offset;
        switch (bytesPerSample) {
            case 1 -> {
                for (int i = 0; i < samplesPerFrame; i++) {
                    samples[i] = data[o + i] & 0xFF;
                }
            }
            case 2 -> {
                for (int i = 0; i < samplesPerFrame; i++, o += 2) {
                    samples[i] = (data[o] & 0xFF) | (data[o + 1] & 0xFF) << 8;
                }
            }
            default -> {
                for (int i = 0; i < samplesPerFrame; i++, o += 4) {
                    samples[i] = (data[o] & 0xFF) | (data[o + 1] & 0xFF) << 8 | (data[o + 2] & 0xFF) << 16
                            | (data[o + 3] & 0xFF) << 24;
                }
            }
        }
        if (ybr422) {
            return new RawFrame(expandYbr422(samples, m.rows(), m.columns()), 3,
                    m.photometric().replace("_422", ""));
        }
        if (spp == 3 && m.planarConfiguration() == 1) {
            samples = interleave(samples, pixels);
        }
        return new RawFrame(samples, spp, m.photometric());
    }

    /**
     * Bits Allocated 12 (ACR-NEMA style packing, retired in DICOM but still on old media): pixels follow each other
     * in the bit stream of the little-endian pixel data, two pixels in three bytes: b0 | (b1 &amp; 0x0F) &lt;&lt; 8,
     * then b1 &gt;&gt; 4 | b2 &lt;&lt; 4.
     */
    private static int[] unpack12(byte[] data, int index, int pixels) throws DecodeException {
        long firstBit = (long) index * pixels * 12;
        if ((firstBit + (long) pixels * 12 + 7) / 8 > data.length) {
            throw new DecodeException("pixel data too short for frame " + (index + 1) + " of 12-bit packed pixels ("
                    + data.length + " bytes)");
        }
        int[] out = new int[pixels];
        for (int i = 0; i < pixels; i++) {
            long bit = firstBit + (long) i * 12;
            int at = (int) (bit >>> 3);
            if ((bit & 7) == 0) {
                out[i] = (data[at] & 0xFF) | (data[at + 1] & 0x0F) << 8;
            } else {
                out[i] = (data[at] & 0xF0) >> 4 | (data[at + 1] & 0xFF) << 4;
            }
        }
        return out;
    }

    /** YBR_FULL_422 uncompressed: Y1 Y2 Cb Cr for each pair of pixels in a row. */
    private static int[] expandYbr422(int[] packed, int rows, int columns) {
        int[] out = new int[rows * columns * 3];
        int p = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c += 2) {
                int y1 = packed[p++];
                int y2 = packed[p++];
                int cb = packed[p++];
                int cr = packed[p++];
                int o = (r * columns + c) * 3;
                out[o] = y1;
                out[o + 1] = cb;
                out[o + 2] = cr;
                if (c + 1 < columns) {
                    out[o + 3] = y2;
                    out[o + 4] = cb;
                    out[o + 5] = cr;
                }
            }
        }
        return out;
    }

    private static int[] interleave(int[] planar, int pixels) {
        int[] out = new int[planar.length];
        for (int i = 0; i < pixels; i++) {
            out[3 * i] = planar[i];
            out[3 * i + 1] = planar[pixels + i];
            out[3 * i + 2] = planar[2 * pixels + i];
        }
        return out;
    }

    private static RawFrame decodeCompressed(byte[][] frames, int index, PixelModule m, String ts, int maxSide)
            throws DecodeException {
        byte[] frame = frames[index];
        if (RLE.equals(ts)) {
            return new RawFrame(RleDecoder.decode(frame, m.rows(), m.columns(), m.samplesPerPixel(),
                    m.bitsAllocated()), m.samplesPerPixel(), m.photometric());
        }
        if (DEFLATED_FRAMES.equals(ts)) {
            PixelModule single = new PixelModule(m.rows(), m.columns(), m.samplesPerPixel(), m.bitsAllocated(),
                    m.bitsStored(), m.signed(), m.photometric(), m.planarConfiguration(), 1);
            return nativeFrame(inflate(frame), 0, single);
        }
        if (JPEG_LS.contains(ts)) {
            CharLsJpegLs.Image image = CharLsJpegLs.decode(frame);
            checkSize(image.width(), image.height(), image.components(), m);
            return new RawFrame(image.samples(), image.components(), m.photometric());
        }
        if (HTJ2K.contains(ts)) {
            return openJpegFrame(frame, m, maxSide);
        }
        if (JPEG_2000.contains(ts) && OpenJpegDecoder.available()) {
            try {
                return openJpegFrame(frame, m, maxSide); // native and several times faster than jai-imageio
            } catch (DecodeException e) {
                return pixelMedFrame(frames, index, m, ts);
            }
        }
        if (JPEG_DCT.contains(ts) && JpegDctDecoder.isDct(frame)
                && (JpegDctDecoder.precision(frame) > 8 || !"1.2.840.10008.1.2.4.50".equals(ts)
                && !"1.2.840.10008.1.2.4.51".equals(ts))) {
            // the JDK's JPEG reader has no 12-bit and PixelMed has no progressive 6/8/10/12 path; for small
            // displays each 8 x 8 block gives its DC value (no inverse DCT)
            boolean dcOnly = maxSide > 0 && Math.max(m.rows(), m.columns()) / maxSide >= 8;
            JpegDctDecoder.Image image = JpegDctDecoder.decode(frame, dcOnly);
            if (dcOnly) {
                if (image.width() != (m.columns() + 7) / 8 || image.height() != (m.rows() + 7) / 8
                        || image.components() != m.samplesPerPixel()) {
                    throw new DecodeException("decoded " + image.width() + "x" + image.height() + " DC values but the "
                            + "header says " + m.columns() + "x" + m.rows());
                }
                return new RawFrame(image.samples(), image.components(), m.photometric(), image.height(),
                        image.width());
            }
            checkSize(image.width(), image.height(), image.components(), m);
            return new RawFrame(image.samples(), image.components(), image.components() == 3
                    && image.convertedToRgb() ? "RGB" : m.photometric());
        }
        if (JPEG_DCT.contains(ts) && JpegDctDecoder.isDct(frame) && JpegDctDecoder.precision(frame) == 8) {
            return jdkJpegFrame(frame, m, maxSide);
        }
        if (JPEG_LOSSLESS.contains(ts) && JpegDctDecoder.isLossless(frame)) {
            try {
                JpegDctDecoder.Image image = JpegDctDecoder.decode(frame);
                checkSize(image.width(), image.height(), image.components(), m);
                return new RawFrame(image.samples(), image.components(), m.photometric());
            } catch (DecodeException e) {
                return pixelMedFrame(frames, index, m, ts);
            }
        }
        if (PIXELMED_CODECS.contains(ts)) {
            try {
                return pixelMedFrame(frames, index, m, ts);
            } catch (DecodeException e) {
                if (!JPEG_DCT.contains(ts) || !JpegDctDecoder.isDct(frame)) {
                    throw e;
                }
                JpegDctDecoder.Image image = JpegDctDecoder.decode(frame); // the JDK reader refused the stream
                checkSize(image.width(), image.height(), image.components(), m);
                return new RawFrame(image.samples(), image.components(), m.photometric());
            }
        }
        throw new DecodeException("no decoder for this transfer syntax");
    }

    /**
     * An 8-bit DCT JPEG frame through the JDK's reader (our own decoder when it refuses the stream); for small
     * displays every k-th pixel is read (k half the reduction, the box mean in {@link #reduced} does the rest).
     * Three components come back as coded, YCbCr (YBR_FULL) unless the stream says RGB.
     */
    private static RawFrame jdkJpegFrame(byte[] frame, PixelModule m, int maxSide) throws DecodeException {
        int factor = maxSide <= 0 ? 1 : Math.max(m.rows(), m.columns()) / maxSide;
        int step = factor >= 4 ? factor / 2 : 1;
        int width;
        int height;
        int components;
        int[] samples;
        try {
            JdkJpegReader.Image image = JdkJpegReader.decode(frame, step);
            width = image.width();
            height = image.height();
            components = image.components();
            samples = image.samples();
        } catch (DecodeException e) {
            step = 1;
            JpegDctDecoder.Image image = JpegDctDecoder.decode(frame);
            width = image.width();
            height = image.height();
            components = image.components();
            samples = image.samples();
        }
        int expectedWidth = (m.columns() + step - 1) / step;
        int expectedHeight = (m.rows() + step - 1) / step;
        if (width != expectedWidth || height != expectedHeight || components != m.samplesPerPixel()) {
            throw new DecodeException("decoded " + width + "x" + height + "x" + components + " but the header says "
                    + m.columns() + "x" + m.rows() + "x" + m.samplesPerPixel()
                    + (step > 1 ? " (every " + step + "th pixel)" : ""));
        }
        String photometric = components == 3 ? JdkJpegReader.codedAsRgb(frame) ? "RGB" : "YBR_FULL"
                : m.photometric();
        return new RawFrame(samples, components, photometric, height, width);
    }

    /**
     * A JPEG 2000 / HTJ2K frame; when {@code maxSide} is well below the frame's size, decoded at a lower resolution
     * level (each level halves the size) that still has at least maxSide pixels on the longer side.
     */
    private static RawFrame openJpegFrame(byte[] frame, PixelModule m, int maxSide) throws DecodeException {
        int reduce = 0;
        while (reduce < 5 && (Math.max(m.rows(), m.columns()) >> (reduce + 1)) >= maxSide) {
            reduce++;
        }
        OpenJpegDecoder.Image image;
        try {
            image = OpenJpegDecoder.decode(frame, reduce);
        } catch (DecodeException e) {
            if (reduce == 0) {
                throw e;
            }
            reduce = 0; // fewer resolution levels than asked for
            image = OpenJpegDecoder.decode(frame, 0);
        }
        int expectedWidth = (m.columns() + (1 << reduce) - 1) >> reduce;
        int expectedHeight = (m.rows() + (1 << reduce) - 1) >> reduce;
        if (image.width() != expectedWidth || image.height() != expectedHeight
                || image.components() != m.samplesPerPixel()) {
            throw new DecodeException("decoded " + image.width() + "x" + image.height() + "x" + image.components()
                    + " but the header says " + m.columns() + "x" + m.rows() + "x" + m.samplesPerPixel()
                    + (reduce > 0 ? " (reduced " + reduce + " levels)" : ""));
        }
        // YBR_ICT and YBR_RCT name the codestream's multi-component transform, which OpenJPEG undoes
        boolean mct = m.photometric().equals("YBR_ICT") || m.photometric().equals("YBR_RCT");
        return new RawFrame(image.samples(), image.components(), mct ? "RGB" : m.photometric(), image.height(),
                image.width());
    }

    private static void checkSize(int width, int height, int components, PixelModule m) throws DecodeException {
        if (width != m.columns() || height != m.rows() || components != m.samplesPerPixel()) {
            throw new DecodeException("decoded " + width + "x" + height + "x" + components + " but the header says "
                    + m.columns() + "x" + m.rows() + "x" + m.samplesPerPixel());
        }
    }

    private static byte[] inflate(byte[] deflated) throws DecodeException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(deflated.length * 4);
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new DecodeException("deflated frame is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static RawFrame pixelMedFrame(byte[][] frames, int index, PixelModule m, String ts)
            throws DecodeException {
        try {
            ColorSpace colourSpace = ColorSpace.getInstance(m.samplesPerPixel() == 3 ? ColorSpace.CS_sRGB
                    : ColorSpace.CS_GRAY);
            CompressedFrameDecoder decoder = new CompressedFrameDecoder(ts, frames, m.bitsAllocated() > 8 ? 2 : 1,
                    m.columns(), m.rows(), m.samplesPerPixel(), colourSpace);
            BufferedImage image = decoder.getDecompressedFrameAsBufferedImage(index);
            if (image == null) {
                throw new DecodeException("the codec returned no image");
            }
            Raster raster = image.getRaster();
            int bands = raster.getNumBands();
            if (raster.getWidth() != m.columns() || raster.getHeight() != m.rows()
                    || bands != m.samplesPerPixel()) {
                throw new DecodeException("decoded " + raster.getWidth() + "x" + raster.getHeight() + "x" + bands
                        + " but the header says " + m.columns() + "x" + m.rows() + "x" + m.samplesPerPixel());
            }
            int[] samples = raster.getPixels(0, 0, m.columns(), m.rows(), (int[]) null);
            String photometric = m.photometric();
            if (bands == 3 && (decoder.getColorSpaceConvertedToRGBDuringDecompression()
                    || ts.startsWith("1.2.840.10008.1.2.4.9") && photometric.startsWith("YBR_"))) {
                photometric = "RGB";
            }
            return new RawFrame(samples, bands, photometric);
        } catch (DecodeException e) {
            throw e;
        } catch (Exception e) {
            String message = e.getMessage();
            throw new DecodeException(message == null ? e.getClass().getSimpleName() : message, e);
        }
    }

    // ---------------------------------------------------------------- smaller frames for small displays

    /**
     * The frame shrunk by the largest whole factor that keeps at least {@code maxSide} pixels on its longer side:
     * each output pixel is the mean of a factor x factor box of stored values (sign applied first), palette indices
     * are picked, not averaged. Saves the float conversion and rendering of full-size frames for thumbnails.
     */
    private static RawFrame reduced(RawFrame raw, PixelModule m, int maxSide) {
        int rows = raw.rows() > 0 ? raw.rows() : m.rows();
        int columns = raw.columns() > 0 ? raw.columns() : m.columns();
        int factor = maxSide <= 0 ? 1 : Math.max(rows, columns) / maxSide;
        if (factor < 2 || rows < factor || columns < factor) {
            return raw;
        }
        int outRows = rows / factor;
        int outColumns = columns / factor;
        int spp = raw.samplesPerPixel();
        int[] in = raw.samples();
        int[] out = new int[outRows * outColumns * spp];
        if ("PALETTE COLOR".equals(raw.photometric())) {
            for (int r = 0; r < outRows; r++) {
                int row = (r * factor + factor / 2) * columns;
                for (int c = 0; c < outColumns; c++) {
                    out[r * outColumns + c] = in[row + c * factor + factor / 2];
                }
            }
            return new RawFrame(out, spp, raw.photometric(), outRows, outColumns);
        }
        int bits = m.bitsAllocated() == 1 ? 1 : spp == 3 ? 32 : m.bitsStored();
        int mask = bits >= 32 ? -1 : (1 << bits) - 1;
        int signBit = bits >= 32 ? 0 : 1 << (bits - 1);
        boolean signed = m.signed() && bits < 32;
        long[] sums = new long[outColumns * spp];
        int area = factor * factor;
        for (int r = 0; r < outRows; r++) {
            java.util.Arrays.fill(sums, 0);
            for (int y = r * factor, yEnd = y + factor; y < yEnd; y++) {
                int base = y * columns * spp;
                for (int c = 0, x0 = 0; c < outColumns; c++, x0 += factor) {
                    for (int s = 0; s < spp; s++) {
                        long sum = 0;
                        for (int x = x0, i = base + x0 * spp + s; x < x0 + factor; x++, i += spp) {
                            int v = in[i] & mask;
                            sum += signed && (v & signBit) != 0 ? v - (1 << bits) : v;
                        }
                        sums[c * spp + s] += sum;
                    }
                }
            }
            int o = r * outColumns * spp;
            for (int i = 0; i < sums.length; i++) {
                out[o + i] = (int) Math.round((double) sums[i] / area) & mask; // back to stored form
            }
        }
        return new RawFrame(out, spp, raw.photometric(), outRows, outColumns);
    }

    // ---------------------------------------------------------------- stored values to modality values

    private static PixelFrame toFrame(PixelModule m, RawFrame raw, int index, PixelMedAttributes attributes)
            throws DecodeException {
        int rows = raw.rows() > 0 ? raw.rows() : m.rows();
        int columns = raw.columns() > 0 ? raw.columns() : m.columns();
        int pixels = rows * columns;
        if (raw.samples().length < pixels * raw.samplesPerPixel()) {
            throw new DecodeException("frame " + (index + 1) + " decoded to too few samples");
        }
        if ("PALETTE COLOR".equals(raw.photometric())) {
            return new PixelFrame(rows, columns, 3, index, m.photometric(), m.bitsStored(), m.signed(),
                    List.of(), Palette.of(attributes).apply(raw.samples(), pixels, m.bitsStored(), m.signed()));
        }
        if (raw.samplesPerPixel() == 3) {
            return new PixelFrame(rows, columns, 3, index, m.photometric(), m.bitsStored(), m.signed(),
                    List.of(), Colour.toRgb255(raw.samples(), pixels, raw.photometric(), m.bitsStored()));
        }
        ModalityLut lut = ModalityLut.of(attributes, index);
        int bits = m.bitsAllocated() == 1 ? 1 : m.bitsStored();
        int[] samples = raw.samples();
        float[] values = new float[pixels];
        int mask = bits >= 32 ? -1 : (1 << bits) - 1;
        int signBit = bits >= 32 ? 0 : 1 << (bits - 1);
        boolean signed = m.signed() && bits < 32;
        for (int i = 0; i < pixels; i++) {
            int v = samples[i] & mask;
            if (signed && (v & signBit) != 0) {
                v -= 1 << bits;
            }
            values[i] = lut.apply(v);
        }
        return new PixelFrame(rows, columns, 1, index, m.photometric(), m.bitsStored(), m.signed(),
                FrameWindows.of(attributes, index), values);
    }
}
