package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.StringAttribute;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Encoding and decoding of DIMSE data sets (identifiers, storage commitment requests) with PixelMed. */
final class DicomDataSets {
    static final int TRANSACTION_UID = 0x00081195;
    static final int REFERENCED_SOP_SEQUENCE = 0x00081199;
    static final int FAILED_SOP_SEQUENCE = 0x00081198;
    static final int REFERENCED_SOP_CLASS_UID = 0x00081150;
    static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;
    static final int FAILURE_REASON = 0x00081197;

    private DicomDataSets() {
    }

    static AttributeTag tag(int tag) {
        return PixelMedAttributes.tag(tag);
    }

    static DicomAttributes readDataSet(byte[] data, String transferSyntaxUid) throws IOException {
        try (DicomInputStream dis = new DicomInputStream(new ByteArrayInputStream(data), transferSyntaxUid, false)) {
            AttributeList list = new AttributeList();
            list.read(dis);
            return new PixelMedAttributes(list);
        } catch (DicomException e) {
            throw new IOException("cannot decode data set: " + e.getMessage(), e);
        }
    }

    static void write(AttributeList list, OutputStream out, String transferSyntaxUid) throws IOException {
        try {
            DicomOutputStream dos = new DicomOutputStream(out, null, transferSyntaxUid);
            list.write(dos, false);
            dos.flush();
        } catch (DicomException e) {
            throw new IOException("cannot encode data set in " + transferSyntaxUid + ": " + e.getMessage(), e);
        }
    }

    static void writeQuery(DicomQuery query, OutputStream out, String transferSyntaxUid) throws IOException {
        boolean nonAscii = hasNonAscii(query);
        SpecificCharacterSet cs = new SpecificCharacterSet(new String[]{nonAscii ? "ISO_IR 192" : ""});
        try {
            AttributeList list = toList(query, cs);
            if (nonAscii) {
                Attribute a = AttributeFactory.newAttribute(tag(DicomTag.SPECIFIC_CHARACTER_SET));
                a.addValue("ISO_IR 192");
                list.put(a);
            }
            write(list, out, transferSyntaxUid);
        } catch (DicomException e) {
            throw new IOException("cannot encode query: " + e.getMessage(), e);
        }
    }

    private static AttributeList toList(DicomQuery query, SpecificCharacterSet cs) throws DicomException {
        AttributeList list = new AttributeList();
        for (Map.Entry<Integer, Object> e : query.keys().entrySet()) {
            if (e.getValue() instanceof DicomQuery item) {
                SequenceAttribute seq = new SequenceAttribute(tag(e.getKey()));
                seq.addItem(toList(item, cs));
                list.put(seq);
            } else {
                Attribute a = AttributeFactory.newAttribute(tag(e.getKey()));
                if (a instanceof StringAttribute s) {
                    s.setSpecificCharacterSet(cs);
                }
                String v = (String) e.getValue();
                if (!v.isEmpty()) {
                    a.addValue(v);
                }
                list.put(a);
            }
        }
        return list;
    }

    private static boolean hasNonAscii(DicomQuery query) {
        for (Object v : query.keys().values()) {
            if (v instanceof DicomQuery q ? hasNonAscii(q) : !StandardCharsets.US_ASCII.newEncoder().canEncode((String) v)) {
                return true;
            }
        }
        return false;
    }

    static void writeCommitmentRequest(String transactionUid, List<String[]> refs, OutputStream out, String ts)
            throws IOException {
        try {
            AttributeList list = new AttributeList();
            Attribute t = AttributeFactory.newAttribute(tag(TRANSACTION_UID));
            t.addValue(transactionUid);
            list.put(t);
            SequenceAttribute seq = new SequenceAttribute(tag(REFERENCED_SOP_SEQUENCE));
            for (String[] r : refs) {
                AttributeList item = new AttributeList();
                Attribute c = AttributeFactory.newAttribute(tag(REFERENCED_SOP_CLASS_UID));
                c.addValue(r[0]);
                item.put(c);
                Attribute i = AttributeFactory.newAttribute(tag(REFERENCED_SOP_INSTANCE_UID));
                i.addValue(r[1]);
                item.put(i);
                seq.addItem(item);
            }
            list.put(seq);
            write(list, out, ts);
        } catch (DicomException e) {
            throw new IOException("cannot encode storage commitment request: " + e.getMessage(), e);
        }
    }
}
