package org.importdesk.engine.dicom;

import java.util.List;
import java.util.Optional;

/**
 * Decodes the Icon Image Sequence (0088,0200) of a DICOMDIR record or of an image: 8-bit MONOCHROME1/2 or
 * PALETTE COLOR (turned into grey by luminance). Other icons (compressed, 16-bit, RGB) are rare on media and skipped.
 */
public final class DicomIcons {
    private static final int LUT_DESCRIPTOR_RED = 0x00281101;
    private static final int LUT_DATA_RED = 0x00281201;
    private static final int LUT_DATA_GREEN = 0x00281202;
    private static final int LUT_DATA_BLUE = 0x00281203;

    private DicomIcons() {
    }

    /** The icon of a record or data set that carries an Icon Image Sequence, if it can be decoded. */
    public static Optional<IconPixels> iconOf(DicomAttributes owner) {
        List<DicomAttributes> items = owner.sequence(DicomTag.ICON_IMAGE_SEQUENCE);
        return items.isEmpty() ? Optional.empty() : decode(items.get(0));
    }

    /** Decodes one Icon Image Sequence item. */
    public static Optional<IconPixels> decode(DicomAttributes icon) {
        int rows = icon.integer(DicomTag.ROWS).orElse(0);
        int columns = icon.integer(DicomTag.COLUMNS).orElse(0);
        int bits = icon.integer(DicomTag.BITS_ALLOCATED).orElse(8);
        int samples = icon.integer(DicomTag.SAMPLES_PER_PIXEL).orElse(1);
        String photometric = icon.string(DicomTag.PHOTOMETRIC_INTERPRETATION);
        byte[] pixels = icon.bytes(DicomTag.PIXEL_DATA);
        int n = rows * columns;
        if (rows <= 0 || columns <= 0 || bits != 8 || samples != 1 || pixels.length < n) {
            return Optional.empty();
        }
        byte[] grey = new byte[n];
        switch (photometric) {
            case "MONOCHROME2" -> System.arraycopy(pixels, 0, grey, 0, n);
            case "MONOCHROME1" -> {
                for (int i = 0; i < n; i++) {
                    grey[i] = (byte) (255 - (pixels[i] & 0xFF));
                }
            }
            case "PALETTE COLOR" -> {
                int[] descriptor = ints(icon.decimals(LUT_DESCRIPTOR_RED));
                int[] red = lut(icon.bytes(LUT_DATA_RED));
                int[] green = lut(icon.bytes(LUT_DATA_GREEN));
                int[] blue = lut(icon.bytes(LUT_DATA_BLUE));
                if (descriptor.length < 3 || red.length == 0 || red.length != green.length || red.length != blue.length) {
                    return Optional.empty();
                }
                int first = descriptor[1];
                int shift = descriptor[2] > 8 ? descriptor[2] - 8 : 0;
                for (int i = 0; i < n; i++) {
                    int index = Math.max(0, Math.min(red.length - 1, (pixels[i] & 0xFF) - first));
                    double y = 0.299 * (red[index] >> shift) + 0.587 * (green[index] >> shift)
                            + 0.114 * (blue[index] >> shift);
                    grey[i] = (byte) Math.max(0, Math.min(255, Math.round(y)));
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new IconPixels(rows, columns, grey));
    }

    private static int[] ints(double[] d) {
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }

    /** LUT data as 16-bit little endian words (how {@link DicomAttributes#bytes} returns OW). */
    private static int[] lut(byte[] b) {
        int[] out = new int[b.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (b[2 * i] & 0xFF) | (b[2 * i + 1] & 0xFF) << 8;
        }
        return out;
    }
}
