package org.importdesk.engine.dicom;

import java.util.List;
import java.util.Optional;

/** The Modality LUT of a frame: rescale slope/intercept (per frame for enhanced objects) or a Modality LUT Sequence. */
final class ModalityLut {
    static final int PIXEL_VALUE_TRANSFORMATION_SEQUENCE = 0x00289145;
    static final int MODALITY_LUT_SEQUENCE = 0x00283000;
    static final int LUT_DESCRIPTOR = 0x00283002;
    static final int LUT_DATA = 0x00283006;

    private final double slope;
    private final double intercept;
    private final int[] table;
    private final int firstMapped;

    private ModalityLut(double slope, double intercept, int[] table, int firstMapped) {
        this.slope = slope;
        this.intercept = intercept;
        this.table = table;
        this.firstMapped = firstMapped;
    }

    static ModalityLut of(DicomAttributes dataSet, int frameIndex) {
        Optional<DicomAttributes> transformation = FunctionalGroups.macro(dataSet, frameIndex,
                PIXEL_VALUE_TRANSFORMATION_SEQUENCE);
        DicomAttributes source = transformation.orElse(dataSet);
        if (source.contains(DicomTag.RESCALE_SLOPE) || source.contains(DicomTag.RESCALE_INTERCEPT)) {
            double slope = source.decimal(DicomTag.RESCALE_SLOPE).orElse(1);
            double intercept = source.decimal(DicomTag.RESCALE_INTERCEPT).orElse(0);
            if (slope == 0 || Double.isNaN(slope) || Double.isNaN(intercept)) {
                slope = 1;
                intercept = 0;
            }
            return new ModalityLut(slope, intercept, null, 0);
        }
        List<DicomAttributes> lut = dataSet.sequence(MODALITY_LUT_SEQUENCE);
        if (!lut.isEmpty()) {
            int[] descriptor = integers(lut.get(0).decimals(LUT_DESCRIPTOR));
            byte[] data = lut.get(0) instanceof PixelMedAttributes pm ? LutData.bytes(pm, LUT_DATA)
                    : lut.get(0).bytes(LUT_DATA);
            if (descriptor.length == 3 && data.length >= 2) {
                int entries = descriptor[0] == 0 ? 65536 : descriptor[0] & 0xFFFF;
                int[] table = new int[Math.min(entries, data.length / 2)];
                for (int i = 0; i < table.length; i++) {
                    table[i] = (data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8;
                }
                if (descriptor[2] == 8 && data.length >= entries && data.length < 2 * entries) {
                    table = new int[entries];
                    for (int i = 0; i < entries; i++) {
                        table[i] = data[i] & 0xFF;
                    }
                }
                return new ModalityLut(1, 0, table, descriptor[1]);
            }
        }
        return new ModalityLut(1, 0, null, 0);
    }

    private static int[] integers(double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }

    float apply(int stored) {
        if (table != null) {
            int i = Math.max(0, Math.min(table.length - 1, stored - firstMapped));
            return table[i];
        }
        return (float) (stored * slope + intercept);
    }
}
