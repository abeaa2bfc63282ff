/**
 * Images for people and for MOMO's networks, over {@link org.importdesk.engine.dicom.PixelDecoder} (no PixelMed
 * here).
 * <ul>
 *   <li>{@link org.importdesk.engine.imaging.FrameRenderer}: a decoded frame to a {@link java.awt.image.BufferedImage}
 *       (file's first VOI window, else min/max; MONOCHROME1 inverted; colour as RGB).</li>
 *   <li>{@link org.importdesk.engine.imaging.Thumbnails}: per series, the DICOMDIR icon or the middle image.</li>
 *   <li>{@link org.importdesk.engine.imaging.NetworkInputs}: MOMO's 3 x S x S input in [0,1] (first/middle/last
 *       image, or the MIPs of a volume of 40 or more images); {@code chw(series, size)} gives the float array.</li>
 *   <li>{@link org.importdesk.engine.imaging.Mips} and {@link org.importdesk.engine.imaging.MipPreview}: direct
 *       maximum intensity projections, and the viewer's MIP preview (the same projections the network sees).</li>
 * </ul>
 * Nothing here throws for an image that cannot be shown: results carry a reason ("no preview: ...").
 */
package org.importdesk.engine.imaging;
