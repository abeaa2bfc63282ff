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

    /**
     * Per thread, the buffer of the last header read (up to {@link #POOLED_MAX}): a scan reads thousands of headers one
     * after the other, and growing a fresh buffer for each, then copying the header out of it, made most of a scan's
     * garbage. While a source reads, it owns the buffer alone (taken out of the slot); {@link #trim} copies the header
     * out and puts the buffer back, so a header never shares its bytes with the next one.
     */
    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();
    private static final int POOLED_MAX = 4 * 1024 * 1024;

    private final InputStream in;
    private final long limit;
    private boolean pooled;
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

    /** Like the constructor, reading into this thread's spare buffer; {@link #trim} must end the reading. */
    static ByteSource pooled(InputStream in, byte[] head, int headLength, long limit) {
        byte[] spare = SPARE.get();
        if (spare == null || spare.length < Math.max(CHUNK, headLength)) {
            return new ByteSource(in, head, headLength, limit);
        }
        SPARE.remove();
        ByteSource source = new ByteSource(in, limit, spare);
        System.arraycopy(head, 0, spare, 0, headLength);
        source.length = headLength;
        source.pooled = true;
        return source;
    }

    private ByteSource(InputStream in, long limit, byte[] spare) {
        this.in = in;
        this.limit = limit;
        this.buf = spare;
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
        byte[] read = buf;
        if (keep < read.length || pooled) {
            buf = Arrays.copyOf(read, keep);
            length = keep;
        }
        if (buf != read && read.length <= POOLED_MAX) {
            SPARE.set(read); // copied out above: nothing refers to it any more
        }
        pooled = false;
    }

    /** The bytes read beyond {@code from} (for continuing in another stream, e.g. deflated data). */
    byte[] rest(int from) {
        return Arrays.copyOfRange(buf, from, length);
    }
}
