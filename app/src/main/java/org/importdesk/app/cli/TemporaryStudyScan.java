package org.importdesk.app.cli;

import org.importdesk.engine.dicom.DicomFiles;
import org.importdesk.engine.dicom.DicomHeader;
import org.importdesk.engine.dicom.DicomReadException;
import org.importdesk.engine.send.SendItem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * TEMPORARY until the medium reader (org.importdesk.engine.media) is merged: finds the instances of one study under a
 * folder by reading every file's header. To be replaced by the medium reader's StudyRecord and SendItems.of.
 */
final class TemporaryStudyScan {
    record Found(List<SendItem> items, DicomHeader first) {
    }

    static Found find(Path root, String studyUid) throws IOException {
        DicomFiles files = DicomFiles.pixelMed();
        Map<String, SendItem> bySop = new LinkedHashMap<>();
        DicomHeader first = null;
        List<Path> paths;
        try (Stream<Path> s = Files.walk(root)) {
            paths = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : paths) {
            if (p.getFileName().toString().equalsIgnoreCase("DICOMDIR")) {
                continue;
            }
            try {
                DicomHeader h = files.readHeader(p);
                if (!studyUid.equals(h.studyInstanceUid()) || h.sopInstanceUid().isEmpty()) {
                    continue;
                }
                if (first == null) {
                    first = h;
                }
                bySop.putIfAbsent(h.sopInstanceUid(), new SendItem(h.sopInstanceUid(), h.sopClassUid(),
                        h.seriesInstanceUid(), h.transferSyntaxUid(), p));
            } catch (DicomReadException e) {
                // not DICOM or unreadable: not part of the study
            }
        }
        return new Found(new ArrayList<>(bySop.values()), first);
    }
}
