package org.importdesk.engine.inference;

import org.importdesk.engine.imaging.InputEncoding;
import org.importdesk.engine.media.SeriesRecord;

import java.io.IOException;
import java.util.Optional;

/**
 * MOMO's network input for one series: 3 x S x S floats in [0,1] (first, middle and last image for series under 40
 * images or 2D; the three maximum intensity projections of the volume resampled along Z otherwise). Provided by the
 * imaging package; the inference package only consumes it.
 */
@FunctionalInterface
public interface SeriesInputs {

    /** The input in the model's encoding, or empty when the series has no image that can be decoded. */
    Optional<float[]> input(SeriesRecord series, int size, InputEncoding encoding) throws IOException;

    /** No representation available: no series votes. */
    SeriesInputs NONE = (series, size, encoding) -> Optional.empty();
}
