package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.StringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UniqueIdentifierAttribute;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One whole DICOM instance read into memory (pixel data included, compressed pixel data kept compressed), that can be
 * coerced and written as a data set in its own or another native transfer syntax. Read from the medium, never written
 * back there.
 */
public final class DicomInstance {
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSSSSZ");
    private static final int ORIGINAL_ATTRIBUTES_SEQUENCE = 0x04000561;
    private static final int MODIFIED_ATTRIBUTES_SEQUENCE = 0x04000550;
    private static final int ATTRIBUTE_MODIFICATION_DATETIME = 0x04000562;
    private static final int MODIFYING_SYSTEM = 0x04000563;
    private static final int SOURCE_OF_PREVIOUS_VALUES = 0x04000564;
    private static final int REASON_FOR_MODIFICATION = 0x04000565;
    private static final int INSTANCE_COERCION_DATETIME = 0x00080015;
    private static final int TYPE_OF_PATIENT_ID = 0x00100022;

    private final Path file;
    private final AttributeList list;
    private final String transferSyntaxUid;

    private DicomInstance(Path file, AttributeList list, String transferSyntaxUid) {
        this.file = file;
        this.list = list;
        this.transferSyntaxUid = transferSyntaxUid;
    }

    /** Reads the whole file. Compressed pixel data stays compressed (sent as is in its own transfer syntax). */
    public static DicomInstance read(Path file) throws DicomReadException {
        return read(file, false);
    }

    /** Reads the whole file and decompresses encapsulated pixel data (for a PACS that accepts nothing else). */
    public static DicomInstance readDecompressed(Path file) throws DicomReadException {
        return read(file, true);
    }

    private static DicomInstance read(Path file, boolean decompress) throws DicomReadException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DicomInputStream dis = new DicomInputStream(in)) {
            AttributeList list = new AttributeList();
            list.setDecompressPixelData(decompress);
            list.read(dis);
            String ts = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID).trim();
            if (ts.isEmpty()) {
                ts = dis.getTransferSyntaxToReadDataSet() == null ? TransferSyntaxes.IMPLICIT_LE
                        : dis.getTransferSyntaxToReadDataSet().getUID();
            }
            list.removeMetaInformationHeaderAttributes();
            list.removeGroupLengthAttributes();
            if (decompress && !TransferSyntaxes.isNative(ts)) {
                ts = TransferSyntaxes.EXPLICIT_LE;
            }
            DicomInstance instance = new DicomInstance(file, list, ts);
            if (instance.sopInstanceUid().isEmpty() || instance.sopClassUid().isEmpty()) {
                throw new DicomReadException(file, "no SOP Instance UID or SOP Class UID");
            }
            return instance;
        } catch (DicomException | IOException | RuntimeException e) {
            throw new DicomReadException(file, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public DicomAttributes attributes() {
        return new PixelMedAttributes(list);
    }

    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }

    public String sopClassUid() {
        return attributes().string(DicomTag.SOP_CLASS_UID);
    }

    public String sopInstanceUid() {
        return attributes().string(DicomTag.SOP_INSTANCE_UID);
    }

    public String studyInstanceUid() {
        return attributes().string(DicomTag.STUDY_INSTANCE_UID);
    }

    public String seriesInstanceUid() {
        return attributes().string(DicomTag.SERIES_INSTANCE_UID);
    }

    /** Whether the data set can be written in {@code ts} without decompressing: its own, or native to native. */
    public boolean canWriteIn(String ts) {
        return ts.equals(transferSyntaxUid)
                || (TransferSyntaxes.isNative(transferSyntaxUid) && TransferSyntaxes.isNative(ts)
                && !TransferSyntaxes.DEFLATED_LE.equals(ts));
    }

    /** Writes the data set without meta header, as sent in a C-STORE. */
    public void writeDataSet(OutputStream out, String ts) throws IOException {
        if (!canWriteIn(ts)) {
            throw new IOException("cannot write " + transferSyntaxUid + " data as " + ts + " without decompressing");
        }
        DicomDataSets.write(list, out, ts);
    }

    /**
     * Applies the coercion: new values, the originals in a new Original Attributes Sequence item, the external
     * identities in Other Patient IDs Sequence, Instance Coercion DateTime, and the UID map everywhere.
     */
    public void coerce(InstanceCoercion c) throws DicomReadException {
        if (c.changesNothing()) {
            return;
        }
        try {
            SpecificCharacterSet cs = prepareCharacterSet(c);
            AttributeList originals = new AttributeList();
            for (Map.Entry<Integer, String> e : c.values().entrySet()) {
                AttributeTag t = DicomDataSets.tag(e.getKey());
                Attribute old = list.get(t);
                String oldValue = old == null ? null : Attribute.getDelimitedStringValuesOrEmptyString(list, t);
                if (old != null && e.getValue().equals(oldValue == null ? "" : oldValue.trim())) {
                    continue;
                }
                originals.put(old != null ? old : newAttribute(e.getKey(), cs));
                Attribute a = newAttribute(e.getKey(), cs);
                if (!e.getValue().isEmpty()) {
                    for (String v : e.getValue().split("\\\\", -1)) {
                        a.addValue(v);
                    }
                }
                list.put(a);
            }
            if (c.procedureCode().isPresent()) {
                AttributeTag t = DicomDataSets.tag(DicomTag.PROCEDURE_CODE_SEQUENCE);
                Attribute old = list.get(t);
                originals.put(old != null ? old : new SequenceAttribute(t));
                SequenceAttribute seq = new SequenceAttribute(t);
                AttributeList item = new AttributeList();
                put(item, DicomTag.CODE_VALUE, c.procedureCode().get().value(), cs);
                put(item, DicomTag.CODING_SCHEME_DESIGNATOR, c.procedureCode().get().scheme(), cs);
                put(item, DicomTag.CODE_MEANING, c.procedureCode().get().meaning(), cs);
                seq.addItem(item);
                list.put(seq);
            }
            if (!c.uidMap().isEmpty()) {
                for (int t : new int[]{DicomTag.STUDY_INSTANCE_UID, DicomTag.SERIES_INSTANCE_UID, DicomTag.SOP_INSTANCE_UID}) {
                    Attribute old = list.get(DicomDataSets.tag(t));
                    if (old != null && c.uidMap().containsKey(Attribute.getSingleStringValueOrEmptyString(old).trim())) {
                        originals.put(old);
                    }
                }
                remapUids(list, c.uidMap());
            }
            if (!c.otherPatientIds().isEmpty()) {
                AttributeTag t = DicomDataSets.tag(DicomTag.OTHER_PATIENT_IDS_SEQUENCE);
                Attribute existing = list.get(t);
                SequenceAttribute seq = new SequenceAttribute(t);
                if (existing instanceof SequenceAttribute old) {
                    originals.put(old);
                    for (int i = 0; i < old.getNumberOfItems(); i++) {
                        seq.addItem(old.getItem(i).getAttributeList());
                    }
                } else {
                    originals.put(new SequenceAttribute(t));
                }
                for (InstanceCoercion.OtherPatientId id : c.otherPatientIds()) {
                    AttributeList item = new AttributeList();
                    put(item, DicomTag.PATIENT_ID, id.patientId(), cs);
                    put(item, DicomTag.ISSUER_OF_PATIENT_ID, id.issuer(), cs);
                    put(item, TYPE_OF_PATIENT_ID, "TEXT", cs);
                    seq.addItem(item);
                }
                list.put(seq);
            }
            String when = c.when().format(DT);
            AttributeTag oasTag = DicomDataSets.tag(ORIGINAL_ATTRIBUTES_SEQUENCE);
            SequenceAttribute oas = list.get(oasTag) instanceof SequenceAttribute s ? s : new SequenceAttribute(oasTag);
            AttributeList item = new AttributeList();
            SequenceAttribute mas = new SequenceAttribute(DicomDataSets.tag(MODIFIED_ATTRIBUTES_SEQUENCE));
            mas.addItem(originals);
            item.put(mas);
            put(item, ATTRIBUTE_MODIFICATION_DATETIME, when, cs);
            put(item, MODIFYING_SYSTEM, c.modifyingSystem(), cs);
            put(item, SOURCE_OF_PREVIOUS_VALUES, c.sourceOfPreviousValues(), cs);
            put(item, REASON_FOR_MODIFICATION, "COERCE", cs);
            oas.addItem(item);
            list.put(oas);
            put(list, INSTANCE_COERCION_DATETIME, when, cs);
        } catch (DicomException e) {
            throw new DicomReadException(file, "cannot coerce: " + e.getMessage(), e);
        }
    }

    /**
     * The character set the new values are written in: the file's own when it can carry them, else UTF-8 (the
     * existing strings are then re-labelled, which is lossless because they are decoded to Unicode already).
     */
    private SpecificCharacterSet prepareCharacterSet(InstanceCoercion c) throws DicomException {
        Attribute declaredAttribute = list.get(TagFromName.SpecificCharacterSet);
        String[] declaredValues = declaredAttribute == null ? null : declaredAttribute.getStringValues();
        // new SpecificCharacterSet(AttributeList) would choose one from the content; we want the declared one
        SpecificCharacterSet own = new SpecificCharacterSet(declaredValues == null ? new String[]{""} : declaredValues);
        String declared = Attribute.getDelimitedStringValuesOrEmptyString(list, TagFromName.SpecificCharacterSet).trim();
        List<String> texts = new ArrayList<>(c.values().values());
        c.procedureCode().ifPresent(p -> texts.add(p.meaning()));
        c.otherPatientIds().forEach(p -> {
            texts.add(p.patientId());
            texts.add(p.issuer());
        });
        Charset javaCs = switch (declared) {
            case "", "ISO_IR 6" -> StandardCharsets.US_ASCII;
            case "ISO_IR 100" -> StandardCharsets.ISO_8859_1;
            case "ISO_IR 192" -> StandardCharsets.UTF_8;
            default -> null;
        };
        boolean fits = javaCs != null && texts.stream().allMatch(s -> javaCs.newEncoder().canEncode(s));
        if (fits || javaCs == null) {
            return own;
        }
        SpecificCharacterSet utf8 = new SpecificCharacterSet(new String[]{"ISO_IR 192"});
        relabel(list, utf8);
        Attribute a = AttributeFactory.newAttribute(TagFromName.SpecificCharacterSet);
        a.addValue("ISO_IR 192");
        list.put(a);
        return utf8;
    }

    private static void relabel(AttributeList l, SpecificCharacterSet cs) {
        for (Attribute a : l.values()) {
            if (a instanceof StringAttribute s) {
                s.setSpecificCharacterSet(cs);
            } else if (a instanceof SequenceAttribute seq) {
                for (int i = 0; i < seq.getNumberOfItems(); i++) {
                    relabel(seq.getItem(i).getAttributeList(), cs);
                }
            }
        }
    }

    private static void remapUids(AttributeList l, Map<String, String> map) throws DicomException {
        for (Attribute a : new ArrayList<>(l.values())) {
            if (a instanceof SequenceAttribute seq) {
                for (int i = 0; i < seq.getNumberOfItems(); i++) {
                    SequenceItem it = seq.getItem(i);
                    remapUids(it.getAttributeList(), map);
                }
            } else if (a instanceof UniqueIdentifierAttribute) {
                // private UIDs read as UN (UnknownAttribute) are left alone
                String[] values = a.getStringValues();
                if (values == null) {
                    continue;
                }
                boolean changed = false;
                for (int i = 0; i < values.length; i++) {
                    String n = map.get(values[i].trim());
                    if (n != null) {
                        values[i] = n;
                        changed = true;
                    }
                }
                if (changed) {
                    // a new attribute of the same class: the dictionary knows no VR for private tags
                    Attribute b = new UniqueIdentifierAttribute(a.getTag());
                    for (String v : values) {
                        b.addValue(v);
                    }
                    l.put(b);
                }
            }
        }
    }

    private static Attribute newAttribute(int tag, SpecificCharacterSet cs) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(DicomDataSets.tag(tag));
        if (a instanceof StringAttribute s) {
            s.setSpecificCharacterSet(cs);
        }
        return a;
    }

    private static void put(AttributeList l, int tag, String value, SpecificCharacterSet cs) throws DicomException {
        Attribute a = newAttribute(tag, cs);
        if (value != null && !value.isEmpty()) {
            a.addValue(value);
        }
        l.put(a);
    }

    /** Reads only the meta header's transfer syntax and the SOP UIDs cheaply is done by {@link DicomFiles}. */
    @Override
    public String toString() {
        return "DicomInstance[" + file + "]";
    }

    /** For diagnostics in tests: the number of items in Original Attributes Sequence. */
    int originalAttributesItems() {
        Attribute a = list.get(DicomDataSets.tag(ORIGINAL_ATTRIBUTES_SEQUENCE));
        return a instanceof SequenceAttribute s ? s.getNumberOfItems() : 0;
    }
}
