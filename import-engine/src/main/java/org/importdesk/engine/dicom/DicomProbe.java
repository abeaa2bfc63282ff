package org.importdesk.engine.dicom;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What one file turned out to be, decided with a single open: not DICOM (never parsed), DICOM that could not be read
 * (with the reason), or a readable header (read up to the pixel data, never including it).
 */
public record DicomProbe(Kind kind, Optional<DicomHeader> header, String message) {

    public enum Kind { NOT_DICOM, UNREADABLE, HEADER }

    /** Probes one file; never throws for bad content, only reports it. */
    public interface Prober {
        DicomProbe probe(Path file, long size);

        static Prober pixelMed() {
            return new PixelMedProber();
        }
    }

    public static DicomProbe notDicom(String reason) {
        return new DicomProbe(Kind.NOT_DICOM, Optional.empty(), reason);
    }

    public static DicomProbe unreadable(String reason) {
        return new DicomProbe(Kind.UNREADABLE, Optional.empty(), reason);
    }

    /**
     * A file that cannot be imported although its header was read whole (its pixel data is cut short): the header
     * still tells which study it belongs to and what it shows.
     */
    public static DicomProbe unreadable(String reason, DicomHeader headerReadWhole) {
        return new DicomProbe(Kind.UNREADABLE, Optional.of(headerReadWhole), reason);
    }

    public static DicomProbe header(DicomHeader header, String note) {
        return new DicomProbe(Kind.HEADER, Optional.of(header), note);
    }

    /** Whether this is a DICOMDIR (Media Storage Directory) rather than a composite instance. */
    public boolean isMediaDirectory() {
        return header.map(h -> DicomUids.MEDIA_STORAGE_DIRECTORY.equals(h.sopClassUid())
                || DicomUids.MEDIA_STORAGE_DIRECTORY.equals(h.attributes().string(0x00020002))).orElse(false);
    }
}
