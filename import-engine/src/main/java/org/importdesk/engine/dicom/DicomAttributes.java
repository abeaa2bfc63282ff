package org.importdesk.engine.dicom;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A read-only view of a DICOM data set (or of one item of a sequence). Text values are already decoded from the
 * data set's Specific Character Set. Implementations live in this package only.
 */
public interface DicomAttributes {

    boolean contains(int tag);

    /** The first value, trimmed; empty when absent or empty. */
    String string(int tag);

    /** All values of a multi-valued attribute, trimmed; empty when absent. */
    List<String> strings(int tag);

    OptionalInt integer(int tag);

    OptionalDouble decimal(int tag);

    /** All numeric values of a multi-valued numeric attribute (for example Image Position (Patient)). */
    double[] decimals(int tag);

    /** The items of a sequence attribute; empty when absent. */
    List<DicomAttributes> sequence(int tag);

    /** The raw bytes of a binary attribute (OB/OW/UN), in little endian for OW; empty when absent. */
    byte[] bytes(int tag);

    /** The tags present at this level, in ascending order. */
    Set<Integer> tags();

    /** Whether no attribute is present at this level. */
    default boolean isEmpty() {
        return tags().isEmpty();
    }
}
