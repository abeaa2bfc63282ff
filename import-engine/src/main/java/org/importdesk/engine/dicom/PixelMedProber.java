package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@link DicomProbe.Prober} with one open per file: sniff the first bytes, then PixelMed up to the pixel data. */
final class PixelMedProber implements DicomProbe.Prober {
    private static final int BUFFER = 32 * 1024;
    private static final Set<String> NATIVE = Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1",
            "1.2.840.10008.1.2.2");

    @Override
    public DicomProbe probe(Path file, long size) {
        byte[] head;
        DicomSniffer.Sniff sniff;
        String lazyFailure;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(DicomSniffer.HEAD_LENGTH);
            sniff = DicomSniffer.sniff(head, head.length, size);
            if (!sniff.dicom()) {
                return DicomProbe.notDicom(sniff.reason());
            }
            try {
                LazyHeaderReader.Header h = LazyHeaderReader.read(in, head, sniff, size);
                if (h.pixelDataEnd() > size) {
                    return DicomProbe.unreadable("truncated file: the pixel data ends at byte " + h.pixelDataEnd()
                            + ", the file has " + size + " bytes",
                            new DicomHeader(file, h.attributes(), h.transferSyntaxUid(), sniff.preamble(), true));
                }
                return accept(file, size, h.attributes(), h.transferSyntaxUid(), h.pixelData(), sniff);
            } catch (EOFException e) {
                // definitive: the data ends inside an element (PixelMed would return the part before, silently)
                return DicomProbe.unreadable("truncated file (unexpected end of data): " + e.getMessage());
            } catch (LazyHeaderReader.FormatException | RuntimeException e) {
                lazyFailure = describe(e);
            }
        } catch (IOException e) {
            return DicomProbe.unreadable("cannot read file: " + describe(e));
        }
        // what the fast reader does not understand, PixelMed may still recover (it has many work-arounds)
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            DicomProbe probe = read(file, size, in, sniff);
            return probe.kind() == DicomProbe.Kind.UNREADABLE
                    ? DicomProbe.unreadable(probe.message() + " (fast reader: " + lazyFailure + ")") : probe;
        } catch (IOException e) {
            return DicomProbe.unreadable("cannot read file: " + describe(e));
        }
    }

    private static DicomProbe accept(Path file, long size, DicomAttributes attributes, String tsUid, boolean pixels,
                                     DicomSniffer.Sniff sniff) {
        if (attributes.isEmpty()) {
            return DicomProbe.unreadable("no DICOM data elements could be read");
        }
        DicomHeader header = new DicomHeader(file, attributes, tsUid, sniff.preamble(), pixels);
        String truncation = pixels && NATIVE.contains(tsUid) ? nativePixelShortfall(attributes, size) : "";
        if (!truncation.isEmpty()) {
            return DicomProbe.unreadable(truncation, header);
        }
        return DicomProbe.header(header, sniff.preamble() ? "" : sniff.layout());
    }

    private static DicomProbe read(Path file, long size, InputStream in, DicomSniffer.Sniff sniff) {
        AttributeList list = new AttributeList();
        boolean[] stoppedAtPixels = {false};
        try (DicomInputStream dis = new DicomInputStream(in)) {
            list.read(dis, (attributes, tag, offset) -> {
                if (attributes != list) {
                    return false; // asked inside sequences too: only stop at the top level
                }
                if (tag.getGroup() == 0x7FE0) {
                    stoppedAtPixels[0] = true;
                    return true;
                }
                // a DICOMDIR's record sequence is read by the directory reader, not here
                return tag.getGroup() == 0x0004 && tag.getElement() == 0x1220;
            });
            TransferSyntax ts = dis.getTransferSyntaxToReadDataSet();
            String tsUid = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID).trim();
            if (tsUid.isEmpty() && ts != null) {
                tsUid = ts.getUID();
            }
            boolean pixels = stoppedAtPixels[0] || list.get(TagFromName.PixelData) != null;
            return accept(file, size, new PixelMedAttributes(list), tsUid, pixels, sniff);
        } catch (DicomException | IOException | RuntimeException e) {
            return DicomProbe.unreadable(describe(e));
        }
    }

    /** A file cut inside its pixel data still parses up to the pixels: check that they can fit at all. */
    private static String nativePixelShortfall(DicomAttributes a, long size) {
        long rows = a.integer(DicomTag.ROWS).orElse(0);
        long columns = a.integer(DicomTag.COLUMNS).orElse(0);
        long bits = a.integer(DicomTag.BITS_ALLOCATED).orElse(0);
        long samples = a.integer(DicomTag.SAMPLES_PER_PIXEL).orElse(1);
        if (a.string(DicomTag.PHOTOMETRIC_INTERPRETATION).endsWith("_422")) {
            samples = 2; // YBR_FULL_422: two samples per pixel on average
        }
        long frames = Math.max(1, a.integer(DicomTag.NUMBER_OF_FRAMES).orElse(1));
        long needed = rows * columns * samples * frames * bits / 8;
        if (needed > 0 && size >= 0 && size < needed) {
            return "truncated file: the pixel data needs " + needed + " bytes, the whole file has " + size;
        }
        return "";
    }

    static String describe(Exception e) {
        String m = e.getMessage();
        if (e instanceof EOFException) {
            return "truncated file (unexpected end of data)" + (m == null || m.isBlank() ? "" : ": " + m);
        }
        String kind = e instanceof DicomException ? "bad DICOM" : e.getClass().getSimpleName();
        return m == null || m.isBlank() ? kind : kind + ": " + m.strip();
    }
}
