package org.importdesk.engine.dicom;

/**
 * A VOI window (Window Center / Window Width) as the file gives it, or as a user chooses it.
 *
 * @param explanation (0028,1055) when the file has one; empty otherwise
 */
public record VoiWindow(double centre, double width, String explanation) {
    public VoiWindow {
        if (!(width > 0) || Double.isNaN(centre) || Double.isInfinite(centre) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("window needs a finite centre and a width > 0: c=" + centre + " w=" + width);
        }
        explanation = explanation == null ? "" : explanation;
    }

    public VoiWindow(double centre, double width) {
        this(centre, width, "");
    }
}
