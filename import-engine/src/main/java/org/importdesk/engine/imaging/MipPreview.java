package org.importdesk.engine.imaging;

import org.importdesk.engine.media.SeriesRecord;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The viewer's MIP preview of a volume: the same three projections MOMO's network sees (axial, coronal,
 * sagittal), as 8-bit grey images of size x size. Series that are not volumes have none.
 */
public final class MipPreview {
    private final NetworkInputs inputs;

    public MipPreview(NetworkInputs inputs) {
        this.inputs = inputs;
    }

    public MipPreview() {
        this(new NetworkInputs());
    }

    public ImageResult<List<BufferedImage>> of(SeriesRecord series, int size) {
        SeriesImages images = SeriesImages.of(series);
        if (!images.isVolume()) {
            return ImageResult.none("no MIP: not a volume (" + images.count() + " images, modality "
                    + (images.modality().isEmpty() ? "unknown" : images.modality()) + "; 40 or more cross-sectional"
                    + " greyscale images needed)");
        }
        ImageResult<NetworkInput> input = inputs.of(images, size);
        if (!input.present()) {
            return ImageResult.none(input.reason());
        }
        NetworkInput in = input.get();
        if (in.representation() != NetworkInput.Representation.MIPS) {
            return ImageResult.none("no MIP: too few images of the volume could be decoded");
        }
        return ImageResult.of(List.of(in.channelImage(0), in.channelImage(1), in.channelImage(2)));
    }
}
