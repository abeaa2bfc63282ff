package org.importdesk.engine.media;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UnsignedLongAttribute;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Writes small DICOM files and DICOMDIRs with PixelMed for tests: hostile media are built, never copied. */
final class TestMedia {
    static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";

    private TestMedia() {
    }

    /** One instance to write: identity, and 8x8 16-bit pixels. */
    record Instance(String patientId, String patientName, String studyUid, String seriesUid, String sopUid,
                    String modality, int instanceNumber) {
        Instance(String patientId, String studyUid, String seriesUid, String sopUid) {
            this(patientId, "Test^" + patientId, studyUid, seriesUid, sopUid, "CT", 1);
        }
    }

    static AttributeList dataSet(Instance i) throws DicomException {
        AttributeList list = new AttributeList();
        put(list, TagFromName.SpecificCharacterSet, "ISO_IR 100");
        put(list, TagFromName.SOPClassUID, SECONDARY_CAPTURE);
        put(list, TagFromName.SOPInstanceUID, i.sopUid());
        put(list, TagFromName.StudyDate, "20240102");
        put(list, TagFromName.Modality, i.modality());
        put(list, TagFromName.StudyDescription, "Test study");
        put(list, TagFromName.SeriesDescription, "Test series");
        put(list, TagFromName.PatientName, i.patientName());
        put(list, TagFromName.PatientID, i.patientId());
        put(list, TagFromName.PatientBirthDate, "19700101");
        put(list, TagFromName.StudyInstanceUID, i.studyUid());
        put(list, TagFromName.SeriesInstanceUID, i.seriesUid());
        put(list, TagFromName.SeriesNumber, "1");
        put(list, TagFromName.InstanceNumber, Integer.toString(i.instanceNumber()));
        put(list, TagFromName.SamplesPerPixel, "1");
        put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        put(list, TagFromName.Rows, "8");
        put(list, TagFromName.Columns, "8");
        put(list, TagFromName.BitsAllocated, "16");
        put(list, TagFromName.BitsStored, "16");
        put(list, TagFromName.HighBit, "15");
        put(list, TagFromName.PixelRepresentation, "0");
        OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
        short[] values = new short[64];
        for (int k = 0; k < values.length; k++) {
            values[k] = (short) (k * 100);
        }
        pixels.setValues(values);
        list.put(pixels);
        return list;
    }

    /** Writes a Part 10 file (preamble, meta header, explicit VR little endian). */
    static Path write(Path file, Instance i) throws IOException, DicomException {
        AttributeList list = dataSet(i);
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "IDTEST");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
        }
        return file;
    }

    /** Writes a bare data set: no preamble, no meta header, implicit VR little endian (old ACR-NEMA style files). */
    static Path writeBare(Path file, Instance i) throws IOException, DicomException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            dataSet(i).write(out, TransferSyntax.ImplicitVRLittleEndian, false, true);
        }
        return file;
    }

    static void put(AttributeList list, AttributeTag tag, String... values) throws DicomException {
        Attribute a = list.putNewAttribute(tag);
        for (String v : values) {
            a.addValue(v);
        }
    }

    /** A directory record to write; children in order. */
    static final class Rec {
        final String type;
        final AttributeList attributes = new AttributeList();
        final List<Rec> children = new ArrayList<>();

        Rec(String type) throws DicomException {
            this.type = type;
            put(attributes, new AttributeTag(0x0004, 0x1430), type);
            put(attributes, new AttributeTag(0x0004, 0x1410), "65535");
        }

        Rec with(AttributeTag tag, String... values) throws DicomException {
            put(attributes, tag, values);
            return this;
        }

        Rec child(Rec r) {
            children.add(r);
            return this;
        }

        /** A 4x4 MONOCHROME2 icon with the given pixels. */
        Rec icon(byte[] grey) throws DicomException {
            AttributeList icon = new AttributeList();
            put(icon, TagFromName.SamplesPerPixel, "1");
            put(icon, TagFromName.PhotometricInterpretation, "MONOCHROME2");
            put(icon, TagFromName.Rows, "4");
            put(icon, TagFromName.Columns, "4");
            put(icon, TagFromName.BitsAllocated, "8");
            put(icon, TagFromName.BitsStored, "8");
            put(icon, TagFromName.HighBit, "7");
            put(icon, TagFromName.PixelRepresentation, "0");
            OtherByteAttribute pixels = new OtherByteAttribute(TagFromName.PixelData);
            pixels.setValues(grey);
            icon.put(pixels);
            SequenceAttribute seq = new SequenceAttribute(new AttributeTag(0x0088, 0x0200));
            seq.addItem(icon);
            attributes.put(seq);
            return this;
        }
    }

    static Rec patient(String id) throws DicomException {
        return new Rec("PATIENT").with(TagFromName.PatientID, id).with(TagFromName.PatientName, "Test^" + id);
    }

    static Rec study(String uid) throws DicomException {
        return new Rec("STUDY").with(TagFromName.StudyInstanceUID, uid).with(TagFromName.StudyDate, "20240102")
                .with(TagFromName.StudyTime, "120000").with(TagFromName.StudyID, "1").with(TagFromName.AccessionNumber, "");
    }

    static Rec series(String uid) throws DicomException {
        return new Rec("SERIES").with(TagFromName.SeriesInstanceUID, uid).with(TagFromName.Modality, "CT")
                .with(TagFromName.SeriesNumber, "1");
    }

    static Rec image(String sopUid, String... fileId) throws DicomException {
        return new Rec("IMAGE").with(new AttributeTag(0x0004, 0x1500), fileId)
                .with(new AttributeTag(0x0004, 0x1510), SECONDARY_CAPTURE)
                .with(new AttributeTag(0x0004, 0x1511), sopUid)
                .with(new AttributeTag(0x0004, 0x1512), TransferSyntax.ExplicitVRLittleEndian)
                .with(TagFromName.InstanceNumber, "1");
    }

    /** Writes a DICOMDIR whose offsets link the records as given (two passes: offsets are known after the first). */
    static Path writeDicomdir(Path file, List<Rec> roots) throws IOException, DicomException {
        List<Rec> flat = new ArrayList<>();
        roots.forEach(r -> flatten(r, flat));
        byte[] bytes = encode(roots, flat, new long[flat.size()]);
        long[] offsets = new long[flat.size()];
        AttributeList read = new AttributeList();
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
            read.read(in);
        }
        SequenceAttribute seq = (SequenceAttribute) read.get(new AttributeTag(0x0004, 0x1220));
        for (int k = 0; k < flat.size(); k++) {
            offsets[k] = seq.getItem(k).getByteOffset();
        }
        bytes = encode(roots, flat, offsets);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes);
        return file;
    }

    private static void flatten(Rec r, List<Rec> out) {
        out.add(r);
        r.children.forEach(c -> flatten(c, out));
    }

    private static byte[] encode(List<Rec> roots, List<Rec> flat, long[] offsets) throws IOException, DicomException {
        AttributeList top = new AttributeList();
        put(top, new AttributeTag(0x0004, 0x1130), "TESTMEDIUM");
        setOffset(top, 0x1200, offsets[flat.indexOf(roots.get(0))]);
        setOffset(top, 0x1202, offsets[flat.indexOf(roots.get(roots.size() - 1))]);
        put(top, new AttributeTag(0x0004, 0x1212), "0");
        SequenceAttribute seq = new SequenceAttribute(new AttributeTag(0x0004, 0x1220));
        for (Rec r : flat) {
            setOffset(r.attributes, 0x1400, offsets[flat.indexOf(r)] == 0 ? 0 : nextSibling(roots, flat, r, offsets));
            setOffset(r.attributes, 0x1420, r.children.isEmpty() ? 0 : offsets[flat.indexOf(r.children.get(0))]);
            seq.addItem(r.attributes);
        }
        top.put(seq);
        FileMetaInformation.addFileMetaInformation(top, MEDIA_STORAGE_DIRECTORY, "1.2.3.4.5.6.7.8",
                TransferSyntax.ExplicitVRLittleEndian, "IDTEST");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        top.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
        return out.toByteArray();
    }

    private static long nextSibling(List<Rec> roots, List<Rec> flat, Rec r, long[] offsets) {
        List<Rec> siblings = roots.contains(r) ? roots
                : flat.stream().filter(p -> p.children.contains(r)).findFirst().orElseThrow().children;
        int k = siblings.indexOf(r);
        return k + 1 < siblings.size() ? offsets[flat.indexOf(siblings.get(k + 1))] : 0;
    }

    private static void setOffset(AttributeList list, int element, long value) throws DicomException {
        UnsignedLongAttribute a = new UnsignedLongAttribute(new AttributeTag(0x0004, element));
        a.addValue(value);
        list.put(a);
    }

    static byte[] head(Path file, int n) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return Arrays.copyOf(all, Math.min(n, all.length));
    }

    /** The shared corpus folder, when this checkout has one. */
    static Optional<Path> shared() {
        String root = System.getProperty("importdesk.root");
        List<Path> candidates = new ArrayList<>();
        if (root != null) {
            candidates.add(Path.of(root).resolve("../shared"));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            candidates.add(p.resolve("../shared"));
            candidates.add(p.resolve("shared"));
        }
        return candidates.stream().map(Path::normalize).filter(p -> Files.isDirectory(p.resolve("corpus"))).findFirst();
    }
}
