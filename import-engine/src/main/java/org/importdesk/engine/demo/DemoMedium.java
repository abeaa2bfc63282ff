package org.importdesk.engine.demo;

import org.importdesk.engine.dicom.DicomTag;
import org.importdesk.engine.dicom.DicomWriter;
import org.importdesk.engine.dicom.NewDicomObject;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Writes the project's demo patient medium: a DICOMDIR with icons, several patients from other hospitals, CT, MR, CR
 * and US studies with real-world descriptions in German, English and Italian, a viewer folder and one truncated file.
 * All images are synthetic phantoms made here; no patient data.
 */
public final class DemoMedium {

    /** What was written. */
    public record Summary(Path root, int patients, int studies, int series, int instances, List<Path> brokenFiles) {
    }

    /** Options: {@code manySeries} > 0 adds a further patient with one MR study of that many series. */
    public record Options(int manySeries, long seed) {
        public static Options standard() {
            return new Options(0, 20261122L);
        }
    }

    private static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
    private static final String MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4";
    private static final String CR_IMAGE = "1.2.840.10008.5.1.4.1.1.1";
    private static final String US_IMAGE = "1.2.840.10008.5.1.4.1.1.6.1";

    private final DicomWriter writer;
    private final Options options;
    private final Random random;
    private final List<Path> files = new ArrayList<>();
    private final Map<String, DicomWriter.Icon> icons = new LinkedHashMap<>();
    private int patientNo;
    private int studyNo;
    private int seriesNo;
    private int uidCounter;

    private DemoMedium(DicomWriter writer, Options options) {
        this.writer = writer;
        this.options = options;
        this.random = new Random(options.seed());
    }

    public static Summary write(Path root) throws IOException {
        return write(root, Options.standard());
    }

    public static Summary write(Path root, Options options) throws IOException {
        return new DemoMedium(DicomWriter.pixelMed(), options).writeAll(root);
    }

    private Summary writeAll(Path root) throws IOException {
        Files.createDirectories(root);
        try (var existing = Files.list(root)) {
            if (existing.findAny().isPresent()) {
                throw new IOException("target folder is not empty: " + root + " (the demo medium needs an empty or new folder)");
            }
        }
        int studies = 0;

        Patient mueller = patient("MÜLLER^ANNA", "KN-0471123", "KLINIKUM NORD", "19580314", "F");
        Study ct = study(mueller, "CT Schädel nativ", "20260917", "101530", "KN26091701", "Klinikum Nord",
                new String[]{"CTKOPFN", "99KN", "CT Schädel nativ"});
        writeCtLocalizer(root, mueller, ct);
        writeCtHead(root, mueller, ct, "Kopf 5.0 H31s", 48, 5.0, 40, 80);
        writeCtHead(root, mueller, ct, "Kopf 2.0 H60s Knochen", 40, 2.0, 600, 2800);
        studies++;
        Study chest = study(mueller, "Thorax p.a. + seitlich", "20260917", "094210", "KN26091702", "Klinikum Nord",
                new String[]{"RTHX2E", "99KN", "Thorax in 2 Ebenen"});
        writeCr(root, mueller, chest, "Thorax pa", false);
        writeCr(root, mueller, chest, "Thorax lat", true);
        studies++;

        Patient smith = patient("SMITH^JOHN^A", "MRN20931", "ST MARYS", "19710602", "M");
        Study spine = study(smith, "MRI LUMBAR SPINE WO CONTRAST", "20260802", "152200", "SM0802331", "St Mary's Hospital",
                new String[]{"72148", "CPT4", "MRI LUMBAR SPINE WO CONTRAST"});
        writeMrSagittal(root, smith, spine, "SAG T2 TSE", false, 15);
        writeMrSagittal(root, smith, spine, "SAG T1 TSE", true, 15);
        writeMrAxial(root, smith, spine, "AX T2 TSE L3-S1", 20);
        studies++;

        Patient rossi = patient("ROSSI^GIULIA", "RSSGLI80A41H501X", "ASL ROMA1", "19800101", "F");
        Study us = study(rossi, "Ecografia addome superiore", "20261003", "083015", "RM2610030", "Ospedale San Giovanni", null);
        writeUs(root, rossi, us, "Addome superiore", 3);
        studies++;

        if (options.manySeries() > 0) {
            Patient many = patient("BERGER^KLAUS", "KN-0562210", "KLINIKUM NORD", "19660921", "M");
            Study big = study(many, "MRT LWS nativ", "20261101", "110000", "KN26110105", "Klinikum Nord", null);
            String[] kinds = {"t2_tse_sag", "t1_tse_sag", "t2_tse_tra", "stir_sag", "t2_tse_cor", "t1_tse_tra"};
            for (int i = 0; i < options.manySeries(); i++) {
                String kind = kinds[i % kinds.length];
                if (kind.endsWith("tra")) {
                    writeMrAxial(root, many, big, kind + "_" + (i + 1), 6);
                } else {
                    writeMrSagittal(root, many, big, kind + "_" + (i + 1), kind.startsWith("t1"), 6);
                }
            }
            studies++;
        }

        writer.writeDicomDirectory(root, files, icons);
        List<Path> broken = writeBrokenFile(root);
        writeViewerFiles(root);
        return new Summary(root, patientNo, studies, seriesNo, files.size(), broken);
    }

    // --- studies ---

    private void writeCtLocalizer(Path root, Patient p, Study s) throws IOException {
        Series series = series(s, "CT", "Topogramm 0.6 T20f", "HEAD", "Schaedel nativ");
        int size = 256;
        short[] hu = new short[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = (x - 128) / 100.0, dy = (y - 120) / 112.0;
                double r = Math.sqrt(dx * dx + dy * dy);
                double v = r > 1 ? -1000 : r > 0.9 ? 900 : 35;
                if (y > 200 && Math.abs(x - 128) < 40) {
                    v = 200; // neck
                }
                hu[y * size + x] = (short) (v + random.nextGaussian() * 6);
            }
        }
        NewDicomObject o = image(p, s, series, CT_IMAGE, 1)
                .set(DicomTag.IMAGE_TYPE, "ORIGINAL", "PRIMARY", "LOCALIZER")
                .set(DicomTag.PIXEL_SPACING, "1.0", "1.0");
        ctPixels(o, hu, size, 40, 400);
        writeInstance(root, p, s, series, 1, o);
        icon(series, hu, size, size, 40, 400);
    }

    private void writeCtHead(Path root, Patient p, Study s, String description, int slices, double thickness,
                             double center, double width) throws IOException {
        Series series = series(s, "CT", description, "HEAD", "Schaedel nativ");
        int size = 256;
        double spacing = 0.9;
        short[] middle = null;
        for (int i = 0; i < slices; i++) {
            double z = (i + 0.5) / slices;
            short[] hu = Phantoms.ctHead(size, z, random);
            double zPos = -60 + i * (150.0 / slices);
            NewDicomObject o = image(p, s, series, CT_IMAGE, i + 1)
                    .set(DicomTag.IMAGE_TYPE, "ORIGINAL", "PRIMARY", "AXIAL")
                    .set(DicomTag.SLICE_THICKNESS, fmt(thickness))
                    .set(DicomTag.PIXEL_SPACING, fmt(spacing), fmt(spacing))
                    .set(DicomTag.IMAGE_POSITION_PATIENT, fmt(-size * spacing / 2), fmt(-size * spacing / 2), fmt(zPos))
                    .set(DicomTag.IMAGE_ORIENTATION_PATIENT, "1", "0", "0", "0", "1", "0")
                    .set(DicomTag.SLICE_LOCATION, fmt(zPos));
            ctPixels(o, hu, size, center, width);
            writeInstance(root, p, s, series, i + 1, o);
            if (i == slices / 2) {
                middle = hu;
            }
        }
        icon(series, middle, size, size, center, width);
    }

    private void ctPixels(NewDicomObject o, short[] hu, int size, double center, double width) {
        short[] stored = new short[hu.length];
        for (int i = 0; i < hu.length; i++) {
            stored[i] = (short) Math.max(0, hu[i] + 1024);
        }
        o.set(DicomTag.RESCALE_INTERCEPT, "-1024").set(DicomTag.RESCALE_SLOPE, "1")
                .set(DicomTag.WINDOW_CENTER, fmt(center)).set(DicomTag.WINDOW_WIDTH, fmt(width))
                .set(0x00180060, "120") // KVP
                .monochrome16(size, size, stored, false, 12);
    }

    private void writeMrSagittal(Path root, Patient p, Study s, String description, boolean t1, int slices) throws IOException {
        Series series = series(s, "MR", description, "LSPINE", "LWS " + description);
        int size = 256;
        short[] middle = null;
        for (int i = 0; i < slices; i++) {
            double lateral = (i - (slices - 1) / 2.0) / ((slices - 1) / 2.0 + 0.001);
            short[] px = Phantoms.mrSpineSagittal(size, lateral, t1, random);
            double xPos = lateral * 30;
            NewDicomObject o = image(p, s, series, MR_IMAGE, i + 1)
                    .set(DicomTag.IMAGE_TYPE, "ORIGINAL", "PRIMARY", "M", "NORM")
                    .set(DicomTag.SLICE_THICKNESS, "4")
                    .set(DicomTag.PIXEL_SPACING, "1.17", "1.17")
                    .set(DicomTag.IMAGE_POSITION_PATIENT, fmt(xPos), "-150", "150")
                    .set(DicomTag.IMAGE_ORIENTATION_PATIENT, "0", "1", "0", "0", "0", "-1")
                    .set(DicomTag.SLICE_LOCATION, fmt(xPos))
                    .set(0x00180081, t1 ? "12" : "98") // echo time
                    .set(0x00180080, t1 ? "550" : "3500") // repetition time
                    .set(0x00180087, "1.5")
                    .set(DicomTag.WINDOW_CENTER, t1 ? "520" : "700").set(DicomTag.WINDOW_WIDTH, t1 ? "1000" : "1500")
                    .monochrome16(size, size, px, false, 12);
            writeInstance(root, p, s, series, i + 1, o);
            if (i == slices / 2) {
                middle = px;
            }
        }
        icon(series, middle, size, size, t1 ? 520 : 700, t1 ? 1000 : 1500);
    }

    private void writeMrAxial(Path root, Patient p, Study s, String description, int slices) throws IOException {
        Series series = series(s, "MR", description, "LSPINE", "LWS " + description);
        int size = 256;
        short[] middle = null;
        for (int i = 0; i < slices; i++) {
            double pos = i / (double) slices;
            short[] px = Phantoms.mrSpineAxial(size, pos, random);
            double zPos = -40 - i * 4.5;
            NewDicomObject o = image(p, s, series, MR_IMAGE, i + 1)
                    .set(DicomTag.IMAGE_TYPE, "ORIGINAL", "PRIMARY", "M", "NORM")
                    .set(DicomTag.SLICE_THICKNESS, "4")
                    .set(DicomTag.PIXEL_SPACING, "0.78", "0.78")
                    .set(DicomTag.IMAGE_POSITION_PATIENT, "-100", "-100", fmt(zPos))
                    .set(DicomTag.IMAGE_ORIENTATION_PATIENT, "1", "0", "0", "0", "1", "0")
                    .set(DicomTag.SLICE_LOCATION, fmt(zPos))
                    .set(DicomTag.WINDOW_CENTER, "700").set(DicomTag.WINDOW_WIDTH, "1500")
                    .monochrome16(size, size, px, false, 12);
            writeInstance(root, p, s, series, i + 1, o);
            if (i == slices / 2) {
                middle = px;
            }
        }
        icon(series, middle, size, size, 700, 1500);
    }

    private void writeCr(Path root, Patient p, Study s, String description, boolean lateral) throws IOException {
        Series series = series(s, "CR", description, "CHEST", "Thorax");
        int rows = 512, columns = lateral ? 448 : 512;
        short[] px = Phantoms.crChest(rows, columns, lateral, random);
        NewDicomObject o = image(p, s, series, CR_IMAGE, 1)
                .set(DicomTag.IMAGE_TYPE, "ORIGINAL", "PRIMARY")
                .set(DicomTag.PIXEL_SPACING, "0.8", "0.8")
                .set(0x00185101, lateral ? "LL" : "PA") // view position
                .set(DicomTag.WINDOW_CENTER, "1700").set(DicomTag.WINDOW_WIDTH, "3000")
                .monochrome16(rows, columns, px, false, 12);
        writeInstance(root, p, s, series, 1, o);
        icon(series, px, rows, columns, 1700, 3000);
    }

    private void writeUs(Path root, Patient p, Study s, String description, int images) throws IOException {
        Series series = series(s, "US", description, "ABDOMEN", "Addome");
        int rows = 480, columns = 640;
        byte[] first = null;
        for (int i = 0; i < images; i++) {
            byte[] px = Phantoms.usAbdomen(rows, columns, i / (double) images, random);
            NewDicomObject o = image(p, s, series, US_IMAGE, i + 1)
                    .set(DicomTag.IMAGE_TYPE, "ORIGINAL", "PRIMARY", "ABDOMINAL")
                    .monochrome8(rows, columns, px);
            writeInstance(root, p, s, series, i + 1, o);
            if (first == null) {
                first = px;
            }
        }
        short[] widened = new short[first.length];
        for (int i = 0; i < first.length; i++) {
            widened[i] = (short) (first[i] & 0xFF);
        }
        icon(series, widened, rows, columns, 128, 256);
    }

    // --- the medium's other content ---

    private List<Path> writeBrokenFile(Path root) throws IOException {
        // a copy of a chest image cut off in the middle of its pixel data, as a scratched disc or an aborted copy leaves it
        Path source = files.stream().filter(f -> f.getFileName().toString().equals("IM000001"))
                .filter(f -> f.toString().contains("ST000002")).findFirst().orElse(files.get(0));
        byte[] all = Files.readAllBytes(source);
        Path broken = source.resolveSibling("IM000002");
        Files.write(broken, java.util.Arrays.copyOf(all, all.length / 2));
        return List.of(broken);
    }

    private static void writeViewerFiles(Path root) throws IOException {
        Files.writeString(root.resolve("README.TXT"), """
                ImportDesk demo medium (synthetic images, no patient data).
                Patient CD as exported by other hospitals: DICOMDIR, images under DICOM/, a viewer in VIEWER/.
                One image is cut off on purpose (a damaged disc).
                """, StandardCharsets.US_ASCII);
        Files.writeString(root.resolve("AUTORUN.INF"), "[autorun]\r\nopen=VIEWER\\VIEWER.EXE\r\nicon=VIEWER\\CD.ICO\r\n",
                StandardCharsets.US_ASCII);
        Path viewer = Files.createDirectories(root.resolve("VIEWER"));
        Files.writeString(viewer.resolve("INDEX.HTM"), "<html><body><h1>Patient CD</h1><p>Start VIEWER.EXE</p></body></html>\n",
                StandardCharsets.US_ASCII);
        Files.write(viewer.resolve("VIEWER.EXE"), new byte[]{'M', 'Z', 0, 0, 0, 0});
    }

    // --- building blocks ---

    private record Patient(String name, String id, String issuer, String birthDate, String sex, int number) {
    }

    private record Study(String uid, String description, String date, String time, String accession,
                         String institution, String[] procedureCode, int number) {
    }

    private record Series(String uid, String modality, String description, String bodyPart, String protocol,
                          int number, int seriesNumberInStudy) {
    }

    private final Map<Study, Integer> seriesPerStudy = new LinkedHashMap<>();

    private Patient patient(String name, String id, String issuer, String birthDate, String sex) {
        return new Patient(name, id, issuer, birthDate, sex, ++patientNo);
    }

    private Study study(Patient p, String description, String date, String time, String accession, String institution,
                        String[] procedureCode) {
        return new Study(uid(), description, date, time, accession, institution, procedureCode, ++studyNo);
    }

    private Series series(Study s, String modality, String description, String bodyPart, String protocol) {
        int inStudy = seriesPerStudy.merge(s, 1, Integer::sum);
        return new Series(uid(), modality, description, bodyPart, protocol, ++seriesNo, inStudy);
    }

    private NewDicomObject image(Patient p, Study s, Series series, String sopClass, int instanceNumber) {
        NewDicomObject o = new NewDicomObject()
                .set(DicomTag.SPECIFIC_CHARACTER_SET, "ISO_IR 100")
                .set(DicomTag.SOP_CLASS_UID, sopClass)
                .set(DicomTag.SOP_INSTANCE_UID, uid())
                .set(DicomTag.STUDY_DATE, s.date()).set(DicomTag.SERIES_DATE, s.date())
                .set(DicomTag.STUDY_TIME, s.time())
                .set(0x00080023, s.date()) // content date
                .set(0x00080033, s.time())
                .set(DicomTag.ACCESSION_NUMBER, s.accession())
                .set(DicomTag.MODALITY, series.modality())
                .set(DicomTag.MANUFACTURER, "ImportDesk Phantom")
                .set(DicomTag.INSTITUTION_NAME, s.institution())
                .set(DicomTag.REFERRING_PHYSICIAN_NAME, "")
                .set(DicomTag.STUDY_DESCRIPTION, s.description())
                .set(DicomTag.SERIES_DESCRIPTION, series.description())
                .set(DicomTag.MANUFACTURER_MODEL_NAME, "Demo " + series.modality())
                .set(DicomTag.PATIENT_NAME, p.name())
                .set(DicomTag.PATIENT_ID, p.id())
                .set(DicomTag.ISSUER_OF_PATIENT_ID, p.issuer())
                .set(DicomTag.PATIENT_BIRTH_DATE, p.birthDate())
                .set(DicomTag.PATIENT_SEX, p.sex())
                .set(DicomTag.BODY_PART_EXAMINED, series.bodyPart())
                .set(DicomTag.PROTOCOL_NAME, series.protocol())
                .set(DicomTag.STUDY_INSTANCE_UID, s.uid())
                .set(DicomTag.SERIES_INSTANCE_UID, series.uid())
                .set(DicomTag.STUDY_ID, Integer.toString(s.number()))
                .set(DicomTag.SERIES_NUMBER, series.seriesNumberInStudy())
                .set(DicomTag.INSTANCE_NUMBER, instanceNumber);
        if (s.procedureCode() != null) {
            o.addItem(DicomTag.PROCEDURE_CODE_SEQUENCE, new NewDicomObject()
                    .set(DicomTag.CODE_VALUE, s.procedureCode()[0])
                    .set(DicomTag.CODING_SCHEME_DESIGNATOR, s.procedureCode()[1])
                    .set(DicomTag.CODE_MEANING, s.procedureCode()[2]));
        }
        return o;
    }

    private void writeInstance(Path root, Patient p, Study s, Series series, int instance, NewDicomObject o) throws IOException {
        Path file = root.resolve("DICOM").resolve(String.format(Locale.ROOT, "PA%06d", p.number()))
                .resolve(String.format(Locale.ROOT, "ST%06d", s.number()))
                .resolve(String.format(Locale.ROOT, "SE%06d", series.number()))
                .resolve(String.format(Locale.ROOT, "IM%06d", instance));
        writer.write(o, file);
        files.add(file);
    }

    /** A 64-pixel icon of the image (values in the window's units), windowed, as a DICOMDIR carries it. */
    private void icon(Series series, short[] px, int rows, int columns, double center, double width) {
        int size = 64;
        int iconRows = rows >= columns ? size : Math.max(1, size * rows / columns);
        int iconCols = columns >= rows ? size : Math.max(1, size * columns / rows);
        byte[] grey = new byte[iconRows * iconCols];
        double low = center - width / 2;
        for (int y = 0; y < iconRows; y++) {
            for (int x = 0; x < iconCols; x++) {
                // average the source block so that the icon is not aliased
                int y0 = y * rows / iconRows, y1 = Math.max(y0 + 1, (y + 1) * rows / iconRows);
                int x0 = x * columns / iconCols, x1 = Math.max(x0 + 1, (x + 1) * columns / iconCols);
                double sum = 0;
                for (int yy = y0; yy < y1; yy++) {
                    for (int xx = x0; xx < x1; xx++) {
                        sum += px[yy * columns + xx];
                    }
                }
                double v = sum / ((y1 - y0) * (x1 - x0));
                grey[y * iconCols + x] = (byte) Math.max(0, Math.min(255, (int) Math.round((v - low) / width * 255)));
            }
        }
        icons.put(series.uid(), new DicomWriter.Icon(iconRows, iconCols, grey));
    }

    private String uid() {
        UUID u = UUID.nameUUIDFromBytes((options.seed() + ":" + (++uidCounter)).getBytes(StandardCharsets.US_ASCII));
        BigInteger value = new BigInteger(1, toBytes(u));
        return "2.25." + value;
    }

    private static byte[] toBytes(UUID u) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
        b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return b.array();
    }

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
