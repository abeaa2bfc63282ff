package org.importdesk.engine.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writing DICOM files and DICOMDIRs (the demo medium, test fixtures). Never used on a patient's medium. */
public interface DicomWriter {

    /** An 8-bit grey icon for a DICOMDIR series record (Icon Image Sequence), at most 128 x 128. */
    record Icon(int rows, int columns, byte[] grey) {
        public Icon {
            if (rows <= 0 || columns <= 0 || rows > 128 || columns > 128 || grey.length != rows * columns) {
                throw new IllegalArgumentException("icon must be up to 128x128 with rows x columns bytes");
            }
        }
    }

    /** Writes a Part 10 file (explicit VR little endian, with file meta information). */
    void write(NewDicomObject object, Path file) throws IOException;

    /**
     * Writes {@code root/DICOMDIR} referencing {@code files} (all under root, with ISO 9660 style names: upper case,
     * at most 8 characters per component), adding the given icons to the series records by Series Instance UID.
     */
    void writeDicomDirectory(Path root, List<Path> files, Map<String, Icon> seriesIcons) throws IOException;

    static DicomWriter pixelMed() {
        return new PixelMedDicomWriter();
    }
}
