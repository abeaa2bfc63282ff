package org.importdesk.engine.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

final class PixelMedDicomFiles implements DicomFiles {

    @Override
    public DicomHeader readHeader(Path file) throws DicomReadException {
        boolean preamble;
        try {
            preamble = hasPreamble(file);
        } catch (IOException e) {
            throw new DicomReadException(file, "cannot read file: " + e.getMessage(), e);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
             DicomInputStream dis = new DicomInputStream(in)) {
            AttributeList list = new AttributeList();
            boolean[] stoppedAtPixels = {false};
            list.read(dis, (attributes, tag, bytesRead) -> {
                // terminate is asked before each top-level element, also inside sequences: only stop at the top
                if (tag.getGroup() == 0x7FE0 && attributes == list) {
                    stoppedAtPixels[0] = true;
                    return true;
                }
                return false;
            });
            TransferSyntax ts = dis.getTransferSyntaxToReadDataSet();
            String tsUid = list.get(TagFromName.TransferSyntaxUID) != null
                    ? com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID)
                    : ts == null ? "" : ts.getUID();
            boolean pixels = stoppedAtPixels[0] || list.get(TagFromName.PixelData) != null;
            return new DicomHeader(file, new PixelMedAttributes(list), tsUid.trim(), preamble, pixels);
        } catch (DicomException | IOException | RuntimeException e) {
            throw new DicomReadException(file, describe(e), e);
        }
    }

    private static boolean hasPreamble(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        String kind = e instanceof java.io.EOFException ? "truncated file (unexpected end of data)"
                : e.getClass().getSimpleName();
        return m == null || m.isBlank() ? kind : kind + ": " + m;
    }
}
