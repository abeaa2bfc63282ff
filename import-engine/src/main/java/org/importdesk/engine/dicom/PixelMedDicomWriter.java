package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDirectory;
import com.pixelmed.dicom.DicomDirectoryRecord;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

final class PixelMedDicomWriter implements DicomWriter {

    private static final String SOURCE_AE = "IMPORTDESK";

    @Override
    public void write(NewDicomObject object, Path file) throws IOException {
        try {
            AttributeList list = toAttributeList(object, null);
            FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, SOURCE_AE);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        } catch (DicomException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void writeDicomDirectory(Path root, List<Path> files, Map<String, Icon> seriesIcons) throws IOException {
        String[] names = files.stream().map(f -> root.relativize(f).toString()).toArray(String[]::new);
        try {
            DicomDirectory dir = new DicomDirectory(root.toFile(), names);
            addIcons((DicomDirectoryRecord) dir.getRoot(), seriesIcons);
            dir.write(root.resolve("DICOMDIR").toString());
        } catch (DicomException e) {
            throw new IOException("cannot write DICOMDIR in " + root + ": " + e.getMessage(), e);
        }
    }

    private static void addIcons(DicomDirectoryRecord record, Map<String, Icon> icons) throws DicomException {
        if (record == null) {
            return;
        }
        AttributeList list = record.getAttributeList();
        if (list != null && "SERIES".equals(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.DirectoryRecordType))) {
            Icon icon = icons.get(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SeriesInstanceUID));
            if (icon != null) {
                list.put(iconSequence(icon));
            }
        }
        for (int i = 0; i < record.getChildCount(); i++) {
            addIcons((DicomDirectoryRecord) record.getChildAt(i), icons);
        }
    }

    private static SequenceAttribute iconSequence(Icon icon) throws DicomException {
        AttributeList item = new AttributeList();
        putInt(item, TagFromName.SamplesPerPixel, 1);
        putString(item, TagFromName.PhotometricInterpretation, "MONOCHROME2", null);
        putInt(item, TagFromName.Rows, icon.rows());
        putInt(item, TagFromName.Columns, icon.columns());
        putInt(item, TagFromName.BitsAllocated, 8);
        putInt(item, TagFromName.BitsStored, 8);
        putInt(item, TagFromName.HighBit, 7);
        putInt(item, TagFromName.PixelRepresentation, 0);
        OtherByteAttribute px = new OtherByteAttribute(TagFromName.PixelData);
        px.setValues(icon.grey());
        item.put(px);
        SequenceAttribute seq = new SequenceAttribute(TagFromName.IconImageSequence);
        seq.addItem(item);
        return seq;
    }

    private static AttributeList toAttributeList(NewDicomObject object, SpecificCharacterSet inherited) throws DicomException {
        AttributeList list = new AttributeList();
        String[] charset = object.values().get(DicomTag.SPECIFIC_CHARACTER_SET);
        SpecificCharacterSet scs = charset != null && charset.length > 0 ? new SpecificCharacterSet(charset) : inherited;
        for (Map.Entry<Integer, String[]> e : object.values().entrySet()) {
            AttributeTag tag = tag(e.getKey());
            byte[] vr = AttributeList.getDictionary().getValueRepresentationFromTag(tag);
            if (vr == null) {
                throw new DicomException("no value representation known for " + DicomTag.format(e.getKey()));
            }
            Attribute a = scs == null ? AttributeFactory.newAttribute(tag, vr) : AttributeFactory.newAttribute(tag, vr, scs);
            for (String v : e.getValue()) {
                a.addValue(v);
            }
            list.put(a);
        }
        for (Map.Entry<Integer, List<NewDicomObject>> e : object.sequences().entrySet()) {
            SequenceAttribute seq = new SequenceAttribute(tag(e.getKey()));
            for (NewDicomObject item : e.getValue()) {
                seq.addItem(toAttributeList(item, scs));
            }
            list.put(seq);
        }
        if (object.pixels().isPresent()) {
            putPixels(list, object.pixels().get());
        }
        return list;
    }

    private static void putPixels(AttributeList list, NewDicomObject.Pixels p) throws DicomException {
        boolean words = p.words() != null;
        putInt(list, TagFromName.SamplesPerPixel, 1);
        if (list.get(TagFromName.PhotometricInterpretation) == null) {
            putString(list, TagFromName.PhotometricInterpretation, "MONOCHROME2", null);
        }
        putInt(list, TagFromName.Rows, p.rows());
        putInt(list, TagFromName.Columns, p.columns());
        putInt(list, TagFromName.BitsAllocated, words ? 16 : 8);
        putInt(list, TagFromName.BitsStored, p.bitsStored());
        putInt(list, TagFromName.HighBit, p.bitsStored() - 1);
        putInt(list, TagFromName.PixelRepresentation, p.signed() ? 1 : 0);
        if (words) {
            OtherWordAttribute px = new OtherWordAttribute(TagFromName.PixelData);
            px.setValues(p.words());
            list.put(px);
        } else {
            OtherByteAttribute px = new OtherByteAttribute(TagFromName.PixelData);
            px.setValues(p.bytes());
            list.put(px);
        }
    }

    private static void putInt(AttributeList list, AttributeTag tag, int value) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(tag, AttributeList.getDictionary().getValueRepresentationFromTag(tag));
        a.addValue(value);
        list.put(a);
    }

    private static void putString(AttributeList list, AttributeTag tag, String value, SpecificCharacterSet scs) throws DicomException {
        byte[] vr = AttributeList.getDictionary().getValueRepresentationFromTag(tag);
        Attribute a = scs == null ? AttributeFactory.newAttribute(tag, vr) : AttributeFactory.newAttribute(tag, vr, scs);
        a.addValue(value);
        list.put(a);
    }

    private static AttributeTag tag(int tag) {
        return new AttributeTag(DicomTag.group(tag), DicomTag.element(tag));
    }
}
