package org.importdesk.engine.dicom;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identifier of a C-FIND request: matching and return keys. A key with an empty value is a return key. A
 * sequence key holds one item (for example Scheduled Procedure Step Sequence in a worklist query).
 */
public final class DicomQuery {
    private final Map<Integer, Object> keys = new LinkedHashMap<>();

    public static DicomQuery level(String queryRetrieveLevel) {
        return new DicomQuery().key(0x00080052, queryRetrieveLevel);
    }

    public static DicomQuery item() {
        return new DicomQuery();
    }

    public DicomQuery key(int tag, String value) {
        keys.put(tag, value == null ? "" : value);
        return this;
    }

    public DicomQuery returnKey(int... tags) {
        for (int t : tags) {
            keys.putIfAbsent(t, "");
        }
        return this;
    }

    public DicomQuery sequence(int tag, DicomQuery item) {
        keys.put(tag, item);
        return this;
    }

    /** tag to String value or to a {@link DicomQuery} item. */
    Map<Integer, Object> keys() {
        return Collections.unmodifiableMap(keys);
    }
}
