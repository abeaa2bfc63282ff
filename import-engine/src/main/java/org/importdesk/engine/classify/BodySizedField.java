package org.importdesk.engine.classify;

import org.importdesk.engine.dicom.DicomAttributes;
import org.importdesk.engine.media.InstanceRecord;
import org.importdesk.engine.media.SeriesRecord;
import org.importdesk.engine.media.StudyRecord;

import java.util.Locale;
import java.util.Optional;

/**
 * Acquisition geometry that rules out the head for a study without usable text: a reconstructed field of view wider
 * than any head (an adult head CT is reconstructed at 200-260 mm, trunk CT at 320-500 mm), or a feet-first patient
 * position (heads are scanned head first). Localizers are left out: a head study's scout is body-sized too. Only this
 * direction is safe: a small field says nothing (spine, extremities, children).
 */
final class BodySizedField {
    static final double MIN_BODY_FIELD_MM = 300;
    private static final int IMAGE_TYPE = 0x00080008;
    private static final int RECONSTRUCTION_DIAMETER = 0x00181100;
    private static final int PATIENT_POSITION = 0x00185100;
    private static final int ROWS = 0x00280010;
    private static final int COLUMNS = 0x00280011;
    private static final int PIXEL_SPACING = 0x00280030;

    private BodySizedField() {
    }

    /** Why the study's images of this modality cannot show a head alone, or empty when nothing says so. */
    static Optional<String> of(StudyRecord study, String modality) {
        int imageSeries = 0;
        int bodySized = 0;
        double widest = 0;
        for (SeriesRecord s : study.series()) {
            if (!modality.equalsIgnoreCase(s.modality()) || s.instances().isEmpty()) {
                continue;
            }
            InstanceRecord first = s.instances().get(0);
            if (first.header() == null) {
                continue;
            }
            DicomAttributes a = first.header().attributes();
            if (a.string(PATIENT_POSITION).trim().toUpperCase(Locale.ROOT).startsWith("FF")) {
                return Optional.of("feet-first patient position " + a.string(PATIENT_POSITION).trim()
                        + ": not a head study");
            }
            if (a.string(IMAGE_TYPE).toUpperCase(Locale.ROOT).contains("LOCALIZER")) {
                continue;
            }
            double field = field(a);
            if (field > 0) {
                imageSeries++;
                widest = Math.max(widest, field);
                if (field >= MIN_BODY_FIELD_MM) {
                    bodySized++;
                }
            }
        }
        if (imageSeries > 0 && bodySized == imageSeries) {
            return Optional.of(String.format(Locale.ROOT, "field of view %.0f mm: wider than a head", widest));
        }
        return Optional.empty();
    }

    /** The reconstructed field of view in mm: Reconstruction Diameter, else the image's extent from Pixel Spacing. */
    private static double field(DicomAttributes a) {
        double diameter = a.decimal(RECONSTRUCTION_DIAMETER).orElse(0);
        if (diameter > 0) {
            return diameter;
        }
        double[] spacing = a.decimals(PIXEL_SPACING);
        if (spacing.length < 2) {
            return 0;
        }
        return Math.max(spacing[0] * a.integer(ROWS).orElse(0), spacing[1] * a.integer(COLUMNS).orElse(0));
    }
}
