package org.importdesk.viewer;

import org.importdesk.engine.dicom.PixelFrame;
import org.importdesk.engine.media.InstanceRecord;
import org.importdesk.engine.media.SeriesRecord;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * What the views need from the engine's imaging, called off the FX thread only. Implementations are thread-safe.
 */
public interface SeriesImaging {

    /** The rendered thumbnail of a series (its middle image), at most {@code maxSize} pixels on its longer side. */
    BufferedImage thumbnail(SeriesRecord series, int maxSize) throws Exception;

    /** The first frame of one image of a series, in modality values, for scrolling and window/level. */
    PixelFrame frame(InstanceRecord instance) throws Exception;

    /** Maximum intensity projections (axial, coronal, sagittal) of a volume; empty for series that are not volumes. */
    List<BufferedImage> mips(SeriesRecord series) throws Exception;

    /** MOMO's rule: 40 or more cross-sectional images make a volume. */
    static boolean isVolume(SeriesRecord series) {
        return series.instances().size() >= 40 && List.of("CT", "MR", "PT", "NM").contains(series.modality());
    }
}
