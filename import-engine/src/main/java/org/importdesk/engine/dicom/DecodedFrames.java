package org.importdesk.engine.dicom;

import java.util.List;

/**
 * The outcome of decoding one file's pixel data: the frames asked for, or why there is no preview.
 *
 * @param frames           the decoded frames, in ascending frame order; empty when not decoded
 * @param numberOfFrames   how many frames the file has (0 when unknown or without pixel data)
 * @param transferSyntaxUid the file's transfer syntax
 * @param reason           empty when decoded; otherwise a sentence for users, e.g. "no preview: JPEG-LS Lossless ..."
 */
public record DecodedFrames(List<PixelFrame> frames, int numberOfFrames, String transferSyntaxUid, String reason) {

    public DecodedFrames {
        frames = List.copyOf(frames);
        reason = reason == null ? "" : reason;
        if (frames.isEmpty() && reason.isEmpty()) {
            throw new IllegalArgumentException("no frames needs a reason");
        }
    }

    public static DecodedFrames of(List<PixelFrame> frames, int numberOfFrames, String transferSyntaxUid) {
        return new DecodedFrames(frames, numberOfFrames, transferSyntaxUid, "");
    }

    public static DecodedFrames noPreview(int numberOfFrames, String transferSyntaxUid, String reason) {
        return new DecodedFrames(List.of(), numberOfFrames, transferSyntaxUid, reason);
    }

    public boolean decoded() {
        return !frames.isEmpty();
    }

    public PixelFrame first() {
        if (frames.isEmpty()) {
            throw new IllegalStateException(reason);
        }
        return frames.get(0);
    }
}
