package org.importdesk.engine.dicom;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** The bytes of a header, pulled from a stream only as far as the parser asks: never into the pixel data. */
final class ByteSource {
    private static final int CHUNK = 16 * 1024;
    /** No header is this large; a length that asks for more is damage (or a deflate bomb), not data. */
    static final long MAX_HEADER = 256L * 1024 * 1024;

    private final InputStream in;
    private final long limit;
    byte[] buf;
    int length;

    /**
     * @param head  bytes already read from the start of the stream
     * @param limit how many bytes the stream can hold at most (the file size), or -1 when unknown (inflated data)
     */
    ByteSource(InputStream in, byte[] head, int headLength, long limit) {
        this.in = in;
        this.limit = limit;
        this.buf = Arrays.copyOf(head, Math.max(CHUNK, headLength));
        this.length = headLength;
    }

    /** Makes bytes [0, end) available; throws EOFException if the data ends before. */
    void ensure(long end) throws IOException {
        if (end <= length) {
            return;
        }
        if (!fill(end)) {
            throw new EOFException("data ends at byte " + length + ", " + end + " needed");
        }
    }

    /** Like {@link #ensure} but answers false at the end of the data. */
    boolean available(long end) throws IOException {
        return end <= length || fill(end);
    }

    private boolean fill(long end) throws IOException {
        if (limit >= 0 && end > limit) {
            // a length that runs past the end of the file: read what is there, then fail without a huge buffer
            end = Math.max(length, limit);
            readUpTo(end);
            return false;
        }
        if (end > MAX_HEADER) {
            throw new IOException("header larger than " + MAX_HEADER / (1024 * 1024) + " MB: not read");
        }
        readUpTo(Math.max(end, Math.min((long) length + CHUNK, limit >= 0 ? limit : Long.MAX_VALUE)));
        return length >= end;
    }

    private void readUpTo(long target) throws IOException {
        if (target > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(target, 2L * buf.length)));
        }
        while (length < target) {
            int n = in.read(buf, length, (int) (target - length));
            if (n < 0) {
                return;
            }
            length += n;
        }
    }

    /** Keeps only the first {@code end} bytes: the header stays in memory, the pixel bytes read ahead do not. */
    void trim(int end) {
        int keep = Math.min(end, length);
        if (keep < buf.length) {
            buf = Arrays.copyOf(buf, keep);
            length = keep;
        }
    }

    /** The bytes read beyond {@code from} (for continuing in another stream, e.g. deflated data). */
    byte[] rest(int from) {
        return Arrays.copyOfRange(buf, from, length);
    }
}
