package org.importdesk.engine.dicom;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Which frames of a (multi-frame) file to decode; resolved once the number of frames is known. */
public final class FrameChoice {
    private enum Kind { ALL, MIDDLE, FIRST_MIDDLE_LAST, GIVEN }

    public static final FrameChoice ALL = new FrameChoice(Kind.ALL, new int[0]);
    /** The middle frame (index n / 2), the thumbnail's frame. */
    public static final FrameChoice MIDDLE = new FrameChoice(Kind.MIDDLE, new int[0]);
    /** First, middle and last frame (fewer when the file has fewer than three). */
    public static final FrameChoice FIRST_MIDDLE_LAST = new FrameChoice(Kind.FIRST_MIDDLE_LAST, new int[0]);

    private final Kind kind;
    private final int[] given;

    private FrameChoice(Kind kind, int[] given) {
        this.kind = kind;
        this.given = given;
    }

    /** Frames by 0-based index; indices outside the file are ignored. */
    public static FrameChoice of(int... frames) {
        return new FrameChoice(Kind.GIVEN, frames.clone());
    }

    /** The 0-based indices to decode, ascending and distinct, for a file of {@code numberOfFrames} frames. */
    public int[] resolve(int numberOfFrames) {
        if (numberOfFrames <= 0) {
            return new int[0];
        }
        return switch (kind) {
            case ALL -> IntStream.range(0, numberOfFrames).toArray();
            case MIDDLE -> new int[]{numberOfFrames / 2};
            case FIRST_MIDDLE_LAST -> IntStream.of(0, numberOfFrames / 2, numberOfFrames - 1).distinct().toArray();
            case GIVEN -> Arrays.stream(given).filter(i -> i >= 0 && i < numberOfFrames).distinct().sorted().toArray();
        };
    }

    @Override
    public String toString() {
        return kind == Kind.GIVEN ? "frames" + Arrays.toString(given) : kind.name();
    }
}
