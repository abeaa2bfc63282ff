package org.importdesk.engine.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The records of a DICOMDIR as a tree (Patient > Study > Series > Image or other leaf records), in use only.
 *
 * @param roots           the root directory entity's records (usually PATIENT)
 * @param linkedByOffsets true when the tree follows the records' offsets; false when they were unusable and the
 *                        tree was rebuilt from the order and the types of the records
 * @param recordCount     how many records are in use
 */
public record MediaDirectory(String fileSetId, List<Record> roots, boolean linkedByOffsets, int recordCount) {

    /**
     * One directory record.
     *
     * @param type             Directory Record Type, e.g. PATIENT, STUDY, SERIES, IMAGE, SR DOCUMENT
     * @param attributes       the record's own attributes (decoded with its Specific Character Set)
     * @param referencedFileId (0004,1500) components as written, empty for records without a file
     * @param icon             the record's Icon Image Sequence, decoded
     */
    public record Record(String type, DicomAttributes attributes, List<String> referencedFileId,
                         Optional<IconPixels> icon, List<Record> children) {
        public boolean referencesFile() {
            return !referencedFileId.isEmpty();
        }
    }

    /** Reads a DICOMDIR file. */
    public interface Reader {
        MediaDirectory read(Path dicomdir) throws DicomReadException;

        static Reader pixelMed() {
            return new PixelMedMediaDirectoryReader();
        }
    }

    /** Every record depth-first, each with its ancestors (outermost first). */
    public List<List<Record>> paths() {
        List<List<Record>> out = new ArrayList<>();
        for (Record r : roots) {
            collect(r, new ArrayList<>(), out);
        }
        return out;
    }

    private static void collect(Record r, List<Record> ancestors, List<List<Record>> out) {
        List<Record> path = new ArrayList<>(ancestors);
        path.add(r);
        out.add(List.copyOf(path));
        for (Record c : r.children()) {
            collect(c, path, out);
        }
    }
}
