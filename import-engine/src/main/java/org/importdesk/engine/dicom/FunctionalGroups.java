package org.importdesk.engine.dicom;

import java.util.List;
import java.util.Optional;

/** Looks up a functional group macro of an enhanced multi-frame object: per-frame first, then shared. */
final class FunctionalGroups {
    static final int SHARED = 0x52009229;
    static final int PER_FRAME = 0x52009230;

    private FunctionalGroups() {
    }

    /** The first item of the macro {@code sequenceTag} that applies to frame {@code frameIndex}, if any. */
    static Optional<DicomAttributes> macro(DicomAttributes dataSet, int frameIndex, int sequenceTag) {
        List<DicomAttributes> perFrame = dataSet.sequence(PER_FRAME);
        if (frameIndex < perFrame.size()) {
            List<DicomAttributes> items = perFrame.get(frameIndex).sequence(sequenceTag);
            if (!items.isEmpty()) {
                return Optional.of(items.get(0));
            }
        }
        List<DicomAttributes> shared = dataSet.sequence(SHARED);
        if (!shared.isEmpty()) {
            List<DicomAttributes> items = shared.get(0).sequence(sequenceTag);
            if (!items.isEmpty()) {
                return Optional.of(items.get(0));
            }
        }
        return Optional.empty();
    }
}
