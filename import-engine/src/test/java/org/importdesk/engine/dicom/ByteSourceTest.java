package org.importdesk.engine.dicom;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The header buffers that one thread reuses from one read to the next must never leak into an earlier header. */
class ByteSourceTest {

    private static byte[] pattern(int size, int seed) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    private static ByteSource read(byte[] file, int headerEnd, int readTo) throws IOException {
        byte[] head = Arrays.copyOf(file, 256);
        ByteSource source = ByteSource.pooled(new ByteArrayInputStream(file, 256, file.length - 256), head, 256,
                file.length);
        source.ensure(readTo);
        source.trim(headerEnd);
        return source;
    }

    @Test
    void headersReadOneAfterTheOtherKeepTheirOwnBytes() throws IOException {
        List<byte[]> files = new ArrayList<>();
        List<ByteSource> sources = new ArrayList<>();
        int[][] shapes = {{40_000, 30_000, 35_000}, {9_000, 3_000, 8_000}, {300_000, 200_000, 250_000},
                {20_000, 20_000, 20_000}, {5_000, 1_000, 1_000}};
        for (int k = 0; k < shapes.length; k++) {
            byte[] file = pattern(shapes[k][0], k);
            files.add(file);
            sources.add(read(file, shapes[k][1], shapes[k][2]));
        }
        for (int k = 0; k < shapes.length; k++) {
            ByteSource s = sources.get(k);
            assertThat(s.length).isEqualTo(shapes[k][1]);
            assertThat(Arrays.copyOf(s.buf, s.length)).isEqualTo(Arrays.copyOf(files.get(k), shapes[k][1]));
            for (int j = 0; j < k; j++) {
                assertThat(s.buf).isNotSameAs(sources.get(j).buf);
            }
        }
    }

    @Test
    void aHeaderThatFillsItsFirstBufferExactlyIsNotReusedForTheNext() throws Exception {
        byte[] first = pattern(16 * 1024, 1);
        ByteSource[] read = new ByteSource[2];
        Thread fresh = new Thread(() -> { // a thread without a spare buffer yet
            try {
                read[0] = read(first, first.length, first.length); // exactly the first buffer's size: kept as is
                read[1] = read(pattern(16 * 1024, 2), 16 * 1024, 16 * 1024);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        fresh.start();
        fresh.join();
        assertThat(read[0].buf).isEqualTo(first).isNotSameAs(read[1].buf);
    }
}
