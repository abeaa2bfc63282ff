package org.importdesk.engine.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a DICOMDIR's Directory Record Sequence itself rather than through PixelMed's DicomDirectory, which throws
 * when offsets are absent (pydicom's DICOMDIR-nooffset). Offsets are followed when they all point at records;
 * otherwise the tree is rebuilt from the record order and types.
 */
final class PixelMedMediaDirectoryReader implements MediaDirectory.Reader {
    private static final AttributeTag FILE_SET_ID = new AttributeTag(0x0004, 0x1130);
    private static final AttributeTag FIRST_ROOT_RECORD = new AttributeTag(0x0004, 0x1200);
    private static final AttributeTag RECORD_SEQUENCE = new AttributeTag(0x0004, 0x1220);
    private static final AttributeTag NEXT_RECORD = new AttributeTag(0x0004, 0x1400);
    private static final AttributeTag IN_USE = new AttributeTag(0x0004, 0x1410);
    private static final AttributeTag LOWER_LEVEL = new AttributeTag(0x0004, 0x1420);
    private static final AttributeTag RECORD_TYPE = new AttributeTag(0x0004, 0x1430);

    private static final long MAX_DICOMDIR_BYTES = 256L * 1024 * 1024;

    @Override
    public MediaDirectory read(Path dicomdir) throws DicomReadException {
        byte[] bytes;
        try {
            if (Files.size(dicomdir) > MAX_DICOMDIR_BYTES) {
                throw new DicomReadException(dicomdir, "DICOMDIR larger than 256 MB: not read");
            }
            bytes = Files.readAllBytes(dicomdir);
        } catch (IOException e) {
            throw new DicomReadException(dicomdir, "DICOMDIR cannot be read: " + PixelMedProber.describe(e), e);
        }
        AttributeList top = new AttributeList();
        try (DicomInputStream dis = new DicomInputStream(new ByteArrayInputStream(bytes))) {
            top.read(dis, (attributes, tag, offset) -> attributes == top && tag.equals(RECORD_SEQUENCE));
        } catch (DicomException | IOException | RuntimeException e) {
            throw new DicomReadException(dicomdir, "DICOMDIR cannot be read: " + PixelMedProber.describe(e), e);
        }
        List<AttributeList> items = new ArrayList<>();
        Map<Long, Integer> byOffset = new HashMap<>();
        try {
            DirectoryRecordScanner.Result scanned = DirectoryRecordScanner.scan(bytes);
            for (DirectoryRecordScanner.RawItem raw : scanned.items()) {
                byOffset.put(raw.offset(), items.size());
                items.add(parseItem(bytes, raw, scanned.transferSyntaxUid()));
            }
        } catch (DirectoryRecordScanner.ScanException | DicomException | IOException | RuntimeException e) {
            throw new DicomReadException(dicomdir, "DICOMDIR cannot be read: " + e.getMessage(), e);
        }
        String fileSetId = Attribute.getSingleStringValueOrEmptyString(top, FILE_SET_ID).trim();
        List<MediaDirectory.Record> roots;
        boolean byOffsets;
        try {
            roots = walkOffsets(items, byOffset, offset(top, FIRST_ROOT_RECORD), new HashSet<>());
            byOffsets = true;
            long inUse = items.stream().filter(PixelMedMediaDirectoryReader::inUse).count();
            if (countRecords(roots) < inUse) {
                // offsets that leave records unreachable (pydicom's DICOMDIR-nopatient): the order tells more
                roots = rebuildFromOrder(items);
                byOffsets = false;
            }
        } catch (BadOffsetsException e) {
            roots = rebuildFromOrder(items);
            byOffsets = false;
        }
        int count = countRecords(roots);
        return new MediaDirectory(fileSetId, List.copyOf(roots), byOffsets, count);
    }

    private static AttributeList parseItem(byte[] bytes, DirectoryRecordScanner.RawItem raw, String ts)
            throws IOException, DicomException {
        AttributeList item = new AttributeList();
        try (DicomInputStream dis = new DicomInputStream(
                new ByteArrayInputStream(bytes, raw.start(), raw.end() - raw.start()), ts, false)) {
            item.read(dis);
        }
        return item;
    }

    private static final class BadOffsetsException extends Exception {
        BadOffsetsException(String m) {
            super(m, null, false, false);
        }
    }

    private static List<MediaDirectory.Record> walkOffsets(List<AttributeList> items, Map<Long, Integer> byOffset,
                                                           long first, Set<Integer> visited) throws BadOffsetsException {
        List<MediaDirectory.Record> out = new ArrayList<>();
        if (first == 0 && !items.isEmpty() && visited.isEmpty()) {
            throw new BadOffsetsException("no offset of the first root record");
        }
        long offset = first;
        while (offset != 0) {
            Integer index = byOffset.get(offset);
            if (index == null || !visited.add(index)) {
                throw new BadOffsetsException("offset " + offset + " names no record, or a record twice");
            }
            AttributeList item = items.get(index);
            List<MediaDirectory.Record> children = offset(item, LOWER_LEVEL) == 0 ? List.of()
                    : walkOffsets(items, byOffset, offset(item, LOWER_LEVEL), visited);
            if (inUse(item)) {
                out.add(record(item, children));
            }
            offset = offset(item, NEXT_RECORD);
        }
        return out;
    }

    /** Parent = the nearest earlier record of a higher level (PATIENT > STUDY > SERIES > anything else). */
    private static List<MediaDirectory.Record> rebuildFromOrder(List<AttributeList> items) {
        final class Node {
            final AttributeList item;
            final int level;
            final List<Node> children = new ArrayList<>();

            Node(AttributeList item, int level) {
                this.item = item;
                this.level = level;
            }

            MediaDirectory.Record toRecord() {
                return record(item, children.stream().map(Node::toRecord).toList());
            }
        }
        List<Node> roots = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        for (AttributeList item : items) {
            if (!inUse(item)) {
                continue;
            }
            Node node = new Node(item, level(type(item)));
            while (!stack.isEmpty() && stack.peek().level >= node.level) {
                stack.pop();
            }
            (stack.isEmpty() ? roots : stack.peek().children).add(node);
            stack.push(node);
        }
        return roots.stream().map(Node::toRecord).toList();
    }

    private static int level(String type) {
        return switch (type) {
            case "PATIENT" -> 0;
            case "STUDY" -> 1;
            case "SERIES" -> 2;
            default -> 3;
        };
    }

    private static MediaDirectory.Record record(AttributeList item, List<MediaDirectory.Record> children) {
        PixelMedAttributes attributes = new PixelMedAttributes(item);
        List<String> fileId = new ArrayList<>();
        for (String part : attributes.strings(DicomTag.REFERENCED_FILE_ID)) {
            if (!part.isBlank()) {
                fileId.add(part);
            }
        }
        return new MediaDirectory.Record(type(item), attributes, List.copyOf(fileId), DicomIcons.iconOf(attributes),
                List.copyOf(children));
    }

    private static String type(AttributeList item) {
        return Attribute.getSingleStringValueOrEmptyString(item, RECORD_TYPE).trim().toUpperCase();
    }

    private static boolean inUse(AttributeList item) {
        Attribute flag = item.get(IN_USE);
        return flag == null || Attribute.getSingleIntegerValueOrDefault(item, IN_USE, 0xFFFF) != 0;
    }

    private static long offset(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleLongValueOrDefault(list, tag, 0L) & 0xFFFFFFFFL;
    }

    private static int countRecords(List<MediaDirectory.Record> records) {
        int n = 0;
        for (MediaDirectory.Record r : records) {
            n += 1 + countRecords(r.children());
        }
        return n;
    }
}
