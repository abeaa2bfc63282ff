package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/** {@link DicomAttributes} over a PixelMed {@link AttributeList}. */
final class PixelMedAttributes implements DicomAttributes {
    private final AttributeList list;

    PixelMedAttributes(AttributeList list) {
        this.list = list;
    }

    AttributeList list() {
        return list;
    }

    static AttributeTag tag(int tag) {
        return new AttributeTag(DicomTag.group(tag), DicomTag.element(tag));
    }

    private Attribute get(int tag) {
        return list.get(tag(tag));
    }

    @Override
    public boolean contains(int tag) {
        return get(tag) != null;
    }

    @Override
    public String string(int tag) {
        Attribute a = get(tag);
        if (a == null || a instanceof SequenceAttribute) {
            return "";
        }
        try {
            String[] values = a.getStringValues();
            return values == null || values.length == 0 || values[0] == null ? "" : values[0].trim();
        } catch (DicomException e) {
            return "";
        }
    }

    @Override
    public List<String> strings(int tag) {
        Attribute a = get(tag);
        if (a == null || a instanceof SequenceAttribute) {
            return List.of();
        }
        try {
            String[] values = a.getStringValues();
            if (values == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>(values.length);
            for (String v : values) {
                out.add(v == null ? "" : v.trim());
            }
            return Collections.unmodifiableList(out);
        } catch (DicomException e) {
            return List.of();
        }
    }

    @Override
    public OptionalInt integer(int tag) {
        Attribute a = get(tag);
        if (a == null || a.getVM() == 0) {
            return OptionalInt.empty();
        }
        try {
            int[] values = a.getIntegerValues();
            return values == null || values.length == 0 ? OptionalInt.empty() : OptionalInt.of(values[0]);
        } catch (DicomException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public OptionalDouble decimal(int tag) {
        double[] values = decimals(tag);
        return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(values[0]);
    }

    @Override
    public double[] decimals(int tag) {
        Attribute a = get(tag);
        if (a == null || a.getVM() == 0) {
            return new double[0];
        }
        try {
            double[] values = a.getDoubleValues();
            return values == null ? new double[0] : values.clone();
        } catch (DicomException | NumberFormatException e) {
            return new double[0];
        }
    }

    @Override
    public List<DicomAttributes> sequence(int tag) {
        Attribute a = get(tag);
        if (!(a instanceof SequenceAttribute seq)) {
            return List.of();
        }
        List<DicomAttributes> items = new ArrayList<>(seq.getNumberOfItems());
        for (int i = 0; i < seq.getNumberOfItems(); i++) {
            SequenceItem item = seq.getItem(i);
            items.add(new PixelMedAttributes(item.getAttributeList()));
        }
        return Collections.unmodifiableList(items);
    }

    @Override
    public byte[] bytes(int tag) {
        Attribute a = get(tag);
        if (a == null) {
            return new byte[0];
        }
        try {
            byte[] b = null;
            try {
                b = a.getByteValues();
            } catch (DicomException wordValued) {
                // OW throws here instead of returning null: read it as shorts below
            }
            if (b != null) {
                return b.clone();
            }
            short[] s = a.getShortValues();
            if (s != null) {
                byte[] out = new byte[s.length * 2];
                for (int i = 0; i < s.length; i++) {
                    out[2 * i] = (byte) s[i];
                    out[2 * i + 1] = (byte) (s[i] >> 8);
                }
                return out;
            }
        } catch (DicomException e) {
            return new byte[0];
        }
        return new byte[0];
    }

    @Override
    public Set<Integer> tags() {
        Set<Integer> out = new TreeSet<>();
        for (AttributeTag t : list.keySet()) {
            out.add(DicomTag.of(t.getGroup(), t.getElement()));
        }
        return out;
    }

    @Override
    public String toString() {
        return "DicomAttributes" + Arrays.toString(tags().stream().map(DicomTag::format).toArray());
    }
}
