package org.importdesk.engine.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A DICOM data set to be written by {@link DicomWriter}: text values by tag (the value representation comes from the
 * standard dictionary), sequences of items, and optional monochrome pixel data. Holds no PixelMed types.
 */
public final class NewDicomObject {

    /** Monochrome pixel data: 16-bit words (signed or not) or 8-bit bytes, one frame. */
    public record Pixels(int rows, int columns, short[] words, byte[] bytes, boolean signed, int bitsStored) {
        public Pixels {
            int n = rows * columns;
            if (rows <= 0 || columns <= 0) {
                throw new IllegalArgumentException("rows and columns must be positive: " + rows + "x" + columns);
            }
            if ((words == null) == (bytes == null)) {
                throw new IllegalArgumentException("exactly one of words or bytes");
            }
            int length = words != null ? words.length : bytes.length;
            if (length != n) {
                throw new IllegalArgumentException("pixel count " + length + " is not rows x columns = " + n);
            }
        }
    }

    private final Map<Integer, String[]> values = new TreeMap<>();
    private final Map<Integer, List<NewDicomObject>> sequences = new LinkedHashMap<>();
    private Pixels pixels;

    /** Sets (or with no values, sets empty) the attribute. */
    public NewDicomObject set(int tag, String... value) {
        values.put(tag, value.clone());
        return this;
    }

    public NewDicomObject set(int tag, int value) {
        return set(tag, Integer.toString(value));
    }

    public NewDicomObject addItem(int sequenceTag, NewDicomObject item) {
        sequences.computeIfAbsent(sequenceTag, t -> new ArrayList<>()).add(item);
        return this;
    }

    /** 16-bit monochrome pixels; also sets the image pixel module attributes. */
    public NewDicomObject monochrome16(int rows, int columns, short[] words, boolean signed, int bitsStored) {
        pixels = new Pixels(rows, columns, words, null, signed, bitsStored);
        return this;
    }

    /** 8-bit monochrome pixels; also sets the image pixel module attributes. */
    public NewDicomObject monochrome8(int rows, int columns, byte[] bytes) {
        pixels = new Pixels(rows, columns, null, bytes, false, 8);
        return this;
    }

    public Map<Integer, String[]> values() {
        Map<Integer, String[]> copy = new TreeMap<>();
        values.forEach((k, v) -> copy.put(k, Arrays.copyOf(v, v.length)));
        return Collections.unmodifiableMap(copy);
    }

    public Map<Integer, List<NewDicomObject>> sequences() {
        return Collections.unmodifiableMap(sequences);
    }

    public Optional<Pixels> pixels() {
        return Optional.ofNullable(pixels);
    }

    public String value(int tag) {
        String[] v = values.get(tag);
        return v == null || v.length == 0 ? "" : v[0];
    }
}
