package org.importdesk.engine.imaging;

import java.util.Optional;

/**
 * How a series becomes a network input: which images fill the three channels ({@link Layout}) and how their grey
 * values reach [0,1] ({@link Scaling}). A model's manifest names both in words ({@link #representationText()},
 * {@link #normalisationText()}); a model whose words match no encoding cannot be fed and is refused.
 */
public record InputEncoding(Layout layout, Scaling scaling) {

    public enum Layout {
        /** MOMO's: first, middle and last image (under 40 images or 2D), else the three MIPs of the volume. */
        MOMO("first-middle-last images (series under 40 images or 2D) or 3 MIPs along the major axes (40 or more)"),
        /** The middle image in all three channels: what a network trained on single 2D images (MedNIST) saw. */
        MIDDLE_IMAGE("middle image of the series in all three channels (a network trained on single 2D images)");

        private final String text;

        Layout(String text) {
            this.text = text;
        }

        /** The words a manifest uses for it. */
        public String text() {
            return text;
        }
    }

    public enum Scaling {
        /** Each image min-max scaled on its own (raw modality values: air, table and bone set the range). */
        MIN_MAX("greyscale, min-max scaled to [0,1] per image, no mean/std"),
        /**
         * Histogram equalisation: each value (after resampling to S x S) replaced by its mid-rank in its image,
         * scaled to [0,1]; MONOCHROME1 inverted first. Invariant to every increasing grey-value transform (rescale,
         * VOI window up to its clipping, 8-bit display, min-max with or without padding outside the field of view),
         * so raw DICOM values and display-windowed image files (MedNIST: brain-windowed head CT next to min-max
         * scaled chest and abdomen CT) meet in one representation and the network cannot learn a class from how
         * its source happened to scale the images.
         */
        EQUALISED("greyscale, histogram-equalised: each value's mid-rank within its image (after resampling to"
                + " S x S) scaled to [0,1]; MONOCHROME1 inverted; no mean/std"),
        /**
         * Each image (after resampling to S x S) through the window of its own 1st to 99th percentile, MONOCHROME1
         * inverted: independent of the unit (HU, raw detector values, 8-bit display values), of padding outside the
         * field of view and of a few extreme pixels, so DICOM series and image files (MedNIST) meet in one
         * representation.
         */
        PERCENTILE_WINDOW("greyscale, each image's 1st-99th percentile window mapped to [0,1] (clipped) after"
                + " resampling to S x S; MONOCHROME1 inverted; no mean/std"),
        /** The image as displayed: {@link DisplayWindowing}'s window, MONOCHROME1 inverted, mapped to [0,1]. */
        DISPLAY_WINDOW("greyscale as displayed: the file's first VOI window, else CT W400/L40 (soft tissue), else the"
                + " 1st-99th percentile of the values; MONOCHROME1 inverted; window mapped to [0,1] (8-bit image"
                + " files: already displayed, min-max scaled); no mean/std");

        private final String text;

        Scaling(String text) {
            this.text = text;
        }

        /** The words a manifest uses for it. */
        public String text() {
            return text;
        }
    }

    /** The paper's representation as the project first built it: raw values, min-max per image. */
    public static final InputEncoding MOMO_MIN_MAX = new InputEncoding(Layout.MOMO, Scaling.MIN_MAX);

    public InputEncoding {
        if (layout == null || scaling == null) {
            throw new IllegalArgumentException("an input encoding needs a layout and a scaling");
        }
    }

    public String representationText() {
        return layout.text;
    }

    public String normalisationText() {
        return scaling.text;
    }

    /** The encoding a manifest's words describe; empty when this ImportDesk cannot produce it. */
    public static Optional<InputEncoding> fromText(String representation, String normalisation) {
        Layout layout = null;
        for (Layout l : Layout.values()) {
            if (l.text.equals(representation)) {
                layout = l;
            }
        }
        Scaling scaling = null;
        for (Scaling s : Scaling.values()) {
            if (s.text.equals(normalisation)) {
                scaling = s;
            }
        }
        return layout == null || scaling == null ? Optional.empty()
                : Optional.of(new InputEncoding(layout, scaling));
    }
}
