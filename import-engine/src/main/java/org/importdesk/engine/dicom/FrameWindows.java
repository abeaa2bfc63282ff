package org.importdesk.engine.dicom;

import java.util.ArrayList;
import java.util.List;

/** The VOI windows a file gives for a frame: Frame VOI LUT macro of enhanced objects, else the top-level ones. */
final class FrameWindows {
    static final int FRAME_VOI_LUT_SEQUENCE = 0x00289132;
    static final int WINDOW_EXPLANATION = 0x00281055;

    private FrameWindows() {
    }

    static List<VoiWindow> of(DicomAttributes dataSet, int frameIndex) {
        DicomAttributes source = FunctionalGroups.macro(dataSet, frameIndex, FRAME_VOI_LUT_SEQUENCE).orElse(dataSet);
        double[] centres = source.decimals(DicomTag.WINDOW_CENTER);
        double[] widths = source.decimals(DicomTag.WINDOW_WIDTH);
        List<String> explanations = source.strings(WINDOW_EXPLANATION);
        List<VoiWindow> out = new ArrayList<>();
        for (int i = 0; i < Math.min(centres.length, widths.length); i++) {
            double c = centres[i];
            double w = widths[i];
            if (w > 0 && Double.isFinite(c) && Double.isFinite(w)) {
                out.add(new VoiWindow(c, w, i < explanations.size() ? explanations.get(i) : ""));
            }
        }
        return List.copyOf(out);
    }
}
