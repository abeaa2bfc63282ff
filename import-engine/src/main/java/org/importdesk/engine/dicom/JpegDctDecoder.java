package org.importdesk.engine.dicom;

import java.util.ArrayList;
import java.util.List;

/**
 * DCT JPEG frames the JDK reader cannot decode: 12-bit extended (process 4) and progressive (processes 10/12, and
 * the retired 6/8 files that use the same frames), Huffman coded, 8 or 12 bits, any sampling factors. Components
 * come back as coded (no colour conversion); the caller converts YBR by the photometric interpretation.
 * Also lossless Huffman JPEG (process 14, SOF3, predictors 1-7, no subsampling), several times faster than
 * PixelMed's pure-Java codec on large radiographs. Arithmetic coding (SOF9..) is not supported.
 */
final class JpegDctDecoder {
    record Image(int width, int height, int components, int[] samples, boolean convertedToRgb) {
    }

    private static final int[] ZIGZAG = {
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
            14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39,
            46, 53, 60, 61, 54, 47, 55, 62, 63};
    private static final float[][] COS = new float[8][8];
    private static final int LOOKAHEAD = 9;

    static {
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                double c = u == 0 ? Math.sqrt(0.5) : 1.0;
                COS[x][u] = (float) (c * Math.cos((2 * x + 1) * u * Math.PI / 16) / 2);
            }
        }
    }

    private JpegDctDecoder() {
    }

    /** Whether the stream's frame header is lossless Huffman (SOF3). */
    static boolean isLossless(byte[] jpeg) {
        return sofMarker(jpeg) == 0xC3;
    }

    /** Whether the stream's frame header is a Huffman DCT one (SOF0, SOF1, SOF2). */
    static boolean isDct(byte[] jpeg) {
        int sof = sofMarker(jpeg);
        return sof >= 0xC0 && sof <= 0xC2;
    }

    static int precision(byte[] jpeg) {
        int at = sofOffset(jpeg);
        return at < 0 || at + 4 >= jpeg.length ? 0 : jpeg[at + 4] & 0xFF;
    }

    static Image decode(byte[] jpeg) throws DecodeException {
        return decode(jpeg, false);
    }

    /**
     * With {@code dcOnly}, DCT frames come back at 1/8 of their size (rounded up): each 8 x 8 block as its DC
     * coefficient, i.e. the block's mean, with no inverse DCT (thumbnails). Lossless frames always come back whole.
     */
    static Image decode(byte[] jpeg, boolean dcOnly) throws DecodeException {
        try {
            Decoder decoder = new Decoder(jpeg);
            decoder.dcOnly = dcOnly;
            return decoder.decode();
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new DecodeException("damaged JPEG data", e);
        }
    }

    private static int sofMarker(byte[] jpeg) {
        int at = sofOffset(jpeg);
        return at < 0 ? -1 : jpeg[at + 1] & 0xFF;
    }

    /** Offset of the 0xFF of the first SOFn marker, walking the marker segments; -1 when none. */
    static int sofOffset(byte[] jpeg) {
        int i = 0;
        while (i + 3 < jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                i++;
                continue;
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xD8 || marker == 0xFF || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                i += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return i;
            }
            if (marker == 0xDA) {
                return -1;
            }
            int length = (jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF);
            i += 2 + length;
        }
        return -1;
    }

    private static final class Huffman {
        final int[] maxCode = new int[18];
        final int[] valPtr = new int[17];
        final int[] minCode = new int[17];
        final int[] values;
        /** For the next LOOKAHEAD bits: (code length << 8 | symbol) of codes up to LOOKAHEAD bits long, else 0. */
        final int[] lookup = new int[1 << LOOKAHEAD];

        Huffman(int[] counts, int[] values) {
            this.values = values;
            int code = 0;
            int k = 0;
            for (int l = 1; l <= 16; l++) {
                valPtr[l] = k;
                minCode[l] = code;
                for (int i = 0; i < counts[l] && k + i < values.length; i++) {
                    if (l <= LOOKAHEAD) {
                        int first = (code + i) << (LOOKAHEAD - l);
                        for (int j = 0; j < 1 << (LOOKAHEAD - l); j++) {
                            lookup[first + j] = l << 8 | values[k + i];
                        }
                    }
                }
                code += counts[l];
                k += counts[l];
                maxCode[l] = counts[l] == 0 ? -1 : code - 1;
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }
    }

    private static final class Component {
        int id;
        int h;
        int v;
        int quantTable;
        int dcTable;
        int acTable;
        int blocksPerLine;
        int blocksPerColumn;
        int[] coefficients;
        int prediction;
    }

    private static final class Decoder {
        private final byte[] data;
        private int pos;
        private final int[][] quant = new int[4][];
        private final Huffman[] dc = new Huffman[4];
        private final Huffman[] ac = new Huffman[4];
        private final List<Component> components = new ArrayList<>();
        private int precision;
        private int width;
        private int height;
        private boolean progressive;
        private boolean lossless;
        private boolean dcOnly;
        private int restartInterval;
        private int hMax = 1;
        private int vMax = 1;
        private int mcusPerLine;
        private int mcusPerColumn;
        private boolean frameSeen;
        // entropy decoder state
        private long bitBuffer;
        private int bitCount;
        private boolean markerHit;
        private int eobRun;

        Decoder(byte[] data) {
            this.data = data;
        }

        Image decode() throws DecodeException {
            if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
                throw new DecodeException("not a JPEG stream (no SOI)");
            }
            pos = 2;
            while (pos + 1 < data.length) {
                if ((data[pos] & 0xFF) != 0xFF) {
                    pos++;
                    continue;
                }
                int marker = data[pos + 1] & 0xFF;
                pos += 2;
                if (marker == 0xD9) {
                    break;
                }
                if (marker == 0xFF || marker == 0x00 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                    if (marker == 0xFF) {
                        pos--;
                    }
                    continue;
                }
                int length = u16(pos);
                int segmentEnd = pos + length;
                switch (marker) {
                    case 0xDB -> readQuantisation(pos + 2, segmentEnd);
                    case 0xC4 -> readHuffman(pos + 2, segmentEnd);
                    case 0xC0, 0xC1, 0xC2 -> readFrame(pos + 2, marker == 0xC2);
                    case 0xC3 -> {
                        lossless = true;
                        readFrame(pos + 2, false);
                    }
                    case 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF ->
                            throw new DecodeException(String.format("JPEG SOF%d is not supported", marker - 0xC0));
                    case 0xDD -> restartInterval = u16(pos + 2);
                    case 0xDA -> {
                        readScan(pos + 2);
                        continue; // pos now after the entropy-coded data
                    }
                    default -> {
                        // APPn, COM, DNL...: skipped
                    }
                }
                pos = segmentEnd;
            }
            if (!frameSeen) {
                throw new DecodeException("JPEG stream without a frame header");
            }
            return output();
        }

        private int u16(int at) {
            return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
        }

        private void readQuantisation(int at, int end) {
            while (at < end) {
                int pq = (data[at] & 0xFF) >> 4;
                int tq = data[at] & 0x0F;
                at++;
                int[] table = new int[64];
                for (int i = 0; i < 64; i++) {
                    table[i] = pq == 0 ? data[at++] & 0xFF : u16(at);
                    if (pq != 0) {
                        at += 2;
                    }
                }
                quant[tq & 3] = table;
            }
        }

        private void readHuffman(int at, int end) {
            while (at < end) {
                int tc = (data[at] & 0xFF) >> 4;
                int th = data[at] & 0x0F;
                at++;
                int[] counts = new int[17];
                int total = 0;
                for (int l = 1; l <= 16; l++) {
                    counts[l] = data[at++] & 0xFF;
                    total += counts[l];
                }
                int[] values = new int[total];
                for (int i = 0; i < total; i++) {
                    values[i] = data[at++] & 0xFF;
                }
                Huffman table = new Huffman(counts, values);
                if (tc == 0) {
                    dc[th & 3] = table;
                } else {
                    ac[th & 3] = table;
                }
            }
        }

        private void readFrame(int at, boolean isProgressive) throws DecodeException {
            if (frameSeen) {
                throw new DecodeException("JPEG stream with two frames (hierarchical) is not supported");
            }
            frameSeen = true;
            progressive = isProgressive;
            precision = data[at] & 0xFF;
            height = u16(at + 1);
            width = u16(at + 3);
            int n = data[at + 5] & 0xFF;
            if (lossless ? precision < 2 || precision > 16 : precision != 8 && precision != 12) {
                throw new DecodeException("JPEG precision " + precision + " is not supported");
            }
            if (width <= 0 || height <= 0 || n <= 0 || n > 4) {
                throw new DecodeException("JPEG frame " + width + "x" + height + "x" + n + " is not supported");
            }
            at += 6;
            for (int i = 0; i < n; i++) {
                Component c = new Component();
                c.id = data[at] & 0xFF;
                c.h = Math.max(1, (data[at + 1] & 0xFF) >> 4);
                c.v = Math.max(1, data[at + 1] & 0x0F);
                c.quantTable = data[at + 2] & 3;
                components.add(c);
                hMax = Math.max(hMax, c.h);
                vMax = Math.max(vMax, c.v);
                at += 3;
            }
            mcusPerLine = (width + 8 * hMax - 1) / (8 * hMax);
            mcusPerColumn = (height + 8 * vMax - 1) / (8 * vMax);
            if (lossless) {
                for (Component c : components) {
                    if (c.h != 1 || c.v != 1) {
                        throw new DecodeException("subsampled lossless JPEG is not supported");
                    }
                    c.coefficients = new int[width * height];
                }
                return;
            }
            for (Component c : components) {
                c.blocksPerLine = mcusPerLine * c.h;
                c.blocksPerColumn = mcusPerColumn * c.v;
                c.coefficients = new int[c.blocksPerLine * c.blocksPerColumn * 64];
            }
        }

        private void readScan(int at) throws DecodeException {
            if (!frameSeen) {
                throw new DecodeException("JPEG scan before the frame header");
            }
            int n = data[at] & 0xFF;
            at++;
            List<Component> scan = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = data[at] & 0xFF;
                Component c = components.stream().filter(x -> x.id == id).findFirst()
                        .orElseThrow(() -> new DecodeException("JPEG scan names an unknown component " + id));
                c.dcTable = (data[at + 1] & 0xFF) >> 4 & 3;
                c.acTable = data[at + 1] & 3;
                scan.add(c);
                at += 2;
            }
            int ss = data[at] & 0xFF;
            int se = data[at + 1] & 0xFF;
            int ah = (data[at + 2] & 0xFF) >> 4;
            int al = data[at + 2] & 0x0F;
            pos = at + 3;
            if (lossless) {
                decodeLosslessScan(scan, ss, al);
            } else {
                decodeScan(scan, ss, progressive ? se : 63, ah, al);
            }
            // skip to the next marker (not RSTn, not stuffed 0xFF00)
            while (pos + 1 < data.length) {
                if ((data[pos] & 0xFF) == 0xFF) {
                    int m = data[pos + 1] & 0xFF;
                    if (m != 0 && !(m >= 0xD0 && m <= 0xD7) && m != 0xFF) {
                        break;
                    }
                }
                pos++;
            }
        }

        private void decodeScan(List<Component> scan, int ss, int se, int ah, int al) throws DecodeException {
            for (Component c : scan) {
                c.prediction = 0;
            }
            eobRun = 0;
            resetBits();
            if (scan.size() == 1) {
                Component c = scan.get(0);
                int blocksWide = ((width * c.h + hMax - 1) / hMax + 7) / 8;
                int blocksHigh = ((height * c.v + vMax - 1) / vMax + 7) / 8;
                int total = blocksWide * blocksHigh;
                for (int b = 0; b < total; b++) {
                    if (restartInterval > 0 && b > 0 && b % restartInterval == 0) {
                        restart(scan);
                    }
                    decodeBlock(c, b / blocksWide, b % blocksWide, ss, se, ah, al);
                }
            } else {
                int total = mcusPerLine * mcusPerColumn;
                for (int m = 0; m < total; m++) {
                    if (restartInterval > 0 && m > 0 && m % restartInterval == 0) {
                        restart(scan);
                    }
                    int mcuRow = m / mcusPerLine;
                    int mcuColumn = m % mcusPerLine;
                    for (Component c : scan) {
                        for (int v = 0; v < c.v; v++) {
                            for (int h = 0; h < c.h; h++) {
                                decodeBlock(c, mcuRow * c.v + v, mcuColumn * c.h + h, ss, se, ah, al);
                            }
                        }
                    }
                }
            }
        }

        /**
         * Lossless (process 14) scan: one sample per component per MCU, predictor {@code predictor} (1..7), point
         * transform {@code pt}; prediction restarts at the top of the image and of each restart interval.
         */
        private void decodeLosslessScan(List<Component> scan, int predictor, int pt) throws DecodeException {
            resetBits();
            int n = scan.size();
            int total = width * height;
            int mask = precision >= 32 ? -1 : (1 << precision) - 1;
            int initial = 1 << (precision - pt - 1);
            int sinceRestart = 0;
            boolean firstLine = true;
            for (int i = 0; i < total; i++) {
                if (restartInterval > 0 && i > 0 && i % restartInterval == 0) {
                    restart(scan);
                    sinceRestart = 0;
                    firstLine = true;
                }
                int x = i % width;
                if (x == 0 && sinceRestart >= width) {
                    firstLine = false;
                }
                for (int k = 0; k < n; k++) {
                    Component c = scan.get(k);
                    int[] plane = c.coefficients;
                    int prediction;
                    if (sinceRestart == 0) {
                        prediction = initial;
                    } else if (firstLine) {
                        prediction = plane[i - 1];
                    } else if (x == 0) {
                        prediction = plane[i - width];
                    } else {
                        int ra = plane[i - 1];
                        int rb = plane[i - width];
                        int rc = plane[i - width - 1];
                        prediction = switch (predictor) {
                            case 1 -> ra;
                            case 2 -> rb;
                            case 3 -> rc;
                            case 4 -> ra + rb - rc;
                            case 5 -> ra + ((rb - rc) >> 1);
                            case 6 -> rb + ((ra - rc) >> 1);
                            case 7 -> (ra + rb) >> 1;
                            default -> throw new DecodeException("lossless JPEG predictor " + predictor);
                        };
                    }
                    int t = decodeHuffman(dc[c.dcTable]);
                    int diff = t == 0 ? 0 : t == 16 ? 32768 : extend(receive(t), t);
                    plane[i] = (prediction + diff) & mask;
                }
                sinceRestart++;
            }
        }

        private void restart(List<Component> scan) {
            resetBits();
            while (pos + 1 < data.length) {
                if ((data[pos] & 0xFF) == 0xFF) {
                    int m = data[pos + 1] & 0xFF;
                    if (m >= 0xD0 && m <= 0xD7) {
                        pos += 2;
                        break;
                    }
                    if (m != 0 && m != 0xFF) {
                        break; // another marker: damaged stream, decode on with zeros
                    }
                }
                pos++;
            }
            for (Component c : scan) {
                c.prediction = 0;
            }
            eobRun = 0;
        }

        private void decodeBlock(Component c, int row, int column, int ss, int se, int ah, int al)
                throws DecodeException {
            if (row >= c.blocksPerColumn || column >= c.blocksPerLine) {
                return;
            }
            int offset = (row * c.blocksPerLine + column) * 64;
            int[] coefficients = c.coefficients;
            if (!progressive) {
                int t = decodeHuffman(dc[c.dcTable]);
                int diff = t == 0 ? 0 : extend(receive(t), t);
                c.prediction += diff;
                coefficients[offset] = c.prediction;
                Huffman table = ac[c.acTable];
                int k = 1;
                while (k < 64) {
                    int rs = decodeHuffman(table);
                    int s = rs & 15;
                    int r = rs >> 4;
                    if (s == 0) {
                        if (r < 15) {
                            break;
                        }
                        k += 16;
                        continue;
                    }
                    k += r;
                    if (k > 63) {
                        break;
                    }
                    coefficients[offset + k] = extend(receive(s), s);
                    k++;
                }
                return;
            }
            if (ss == 0) {
                if (ah == 0) {
                    int t = decodeHuffman(dc[c.dcTable]);
                    int diff = t == 0 ? 0 : extend(receive(t), t);
                    c.prediction += diff;
                    coefficients[offset] = c.prediction << al;
                } else if (readBit() != 0) {
                    coefficients[offset] |= 1 << al;
                }
                return;
            }
            if (ah == 0) {
                acFirst(ac[c.acTable], coefficients, offset, ss, se, al);
            } else {
                acRefine(ac[c.acTable], coefficients, offset, ss, se, al);
            }
        }

        private void acFirst(Huffman table, int[] coefficients, int offset, int ss, int se, int al)
                throws DecodeException {
            if (eobRun > 0) {
                eobRun--;
                return;
            }
            int k = ss;
            while (k <= se) {
                int rs = decodeHuffman(table);
                int s = rs & 15;
                int r = rs >> 4;
                if (s == 0) {
                    if (r < 15) {
                        eobRun = (1 << r) - 1;
                        if (r > 0) {
                            eobRun += receive(r);
                        }
                        break;
                    }
                    k += 16;
                    continue;
                }
                k += r;
                if (k > 63) {
                    break;
                }
                coefficients[offset + k] = extend(receive(s), s) * (1 << al);
                k++;
            }
        }

        /** Successive approximation refinement of AC coefficients, as libjpeg's decode_mcu_AC_refine. */
        private void acRefine(Huffman table, int[] coefficients, int offset, int ss, int se, int al)
                throws DecodeException {
            int p1 = 1 << al;
            int m1 = -1 << al;
            int k = ss;
            if (eobRun == 0) {
                for (; k <= se; k++) {
                    int rs = decodeHuffman(table);
                    int r = rs >> 4;
                    int s = rs & 15;
                    if (s != 0) {
                        s = readBit() != 0 ? p1 : m1;
                    } else if (r != 15) {
                        eobRun = 1 << r;
                        if (r > 0) {
                            eobRun += receive(r);
                        }
                        break;
                    }
                    do {
                        int z = offset + k;
                        if (coefficients[z] != 0) {
                            if (readBit() != 0 && (coefficients[z] & p1) == 0) {
                                coefficients[z] += coefficients[z] >= 0 ? p1 : m1;
                            }
                        } else {
                            if (--r < 0) {
                                break;
                            }
                        }
                        k++;
                    } while (k <= se);
                    if (s != 0 && k <= 63) {
                        coefficients[offset + k] = s;
                    }
                }
            }
            if (eobRun > 0) {
                for (; k <= se; k++) {
                    int z = offset + k;
                    if (coefficients[z] != 0 && readBit() != 0 && (coefficients[z] & p1) == 0) {
                        coefficients[z] += coefficients[z] >= 0 ? p1 : m1;
                    }
                }
                eobRun--;
            }
        }

        private void resetBits() {
            bitCount = 0;
            bitBuffer = 0;
            markerHit = false;
        }

        /** Tops the bit buffer up to more than 56 bits; past a marker (or the end) it is padded with zeros. */
        private void fill() {
            while (bitCount <= 56) {
                int b;
                if (markerHit || pos >= data.length) {
                    b = 0;
                } else {
                    b = data[pos] & 0xFF;
                    if (b == 0xFF) {
                        int next = pos + 1 < data.length ? data[pos + 1] & 0xFF : 0xD9;
                        if (next == 0) {
                            pos += 2;
                        } else {
                            markerHit = true;
                            b = 0;
                        }
                    } else {
                        pos++;
                    }
                }
                bitBuffer = bitBuffer << 8 | b;
                bitCount += 8;
            }
        }

        private int readBit() {
            if (bitCount == 0) {
                fill();
            }
            bitCount--;
            return (int) (bitBuffer >>> bitCount) & 1;
        }

        private int receive(int n) {
            if (n == 0) {
                return 0;
            }
            if (bitCount < n) {
                fill();
            }
            bitCount -= n;
            return (int) (bitBuffer >>> bitCount) & ((1 << n) - 1);
        }

        private static int extend(int v, int n) {
            return v < 1 << (n - 1) ? v - (1 << n) + 1 : v;
        }

        private int decodeHuffman(Huffman table) throws DecodeException {
            if (table == null) {
                throw new DecodeException("JPEG scan uses an undefined Huffman table");
            }
            if (bitCount < LOOKAHEAD) {
                fill();
            }
            int entry = table.lookup[(int) (bitBuffer >>> (bitCount - LOOKAHEAD)) & ((1 << LOOKAHEAD) - 1)];
            if (entry != 0) {
                bitCount -= entry >> 8;
                return entry & 0xFF;
            }
            int code = 0;
            for (int l = 1; l <= 16; l++) {
                code = code << 1 | readBit();
                if (code <= table.maxCode[l]) {
                    int index = table.valPtr[l] + code - table.minCode[l];
                    return index < table.values.length ? table.values[index] : 0;
                }
            }
            return 0; // corrupt code: treat as end of block
        }

        private Image output() throws DecodeException {
            int n = components.size();
            if (lossless) {
                int[] samples = new int[width * height * n];
                for (int ci = 0; ci < n; ci++) {
                    int[] plane = components.get(ci).coefficients;
                    for (int i = 0; i < plane.length; i++) {
                        samples[i * n + ci] = plane[i];
                    }
                }
                return new Image(width, height, n, samples, false);
            }
            int levelShift = 1 << (precision - 1);
            int max = (1 << precision) - 1;
            if (dcOnly) {
                return dcImage(n, levelShift, max);
            }
            int[][] planes = new int[n][];
            float[] block = new float[64];
            float[] temp = new float[64];
            for (int ci = 0; ci < n; ci++) {
                Component c = components.get(ci);
                int[] q = quant[c.quantTable];
                if (q == null) {
                    throw new DecodeException("JPEG component uses an undefined quantisation table");
                }
                int planeWidth = c.blocksPerLine * 8;
                int[] plane = new int[planeWidth * c.blocksPerColumn * 8];
                for (int row = 0; row < c.blocksPerColumn; row++) {
                    for (int column = 0; column < c.blocksPerLine; column++) {
                        int offset = (row * c.blocksPerLine + column) * 64;
                        for (int i = 0; i < 64; i++) {
                            block[ZIGZAG[i]] = c.coefficients[offset + i] * q[i];
                        }
                        inverseDct(block, temp);
                        for (int y = 0; y < 8; y++) {
                            int base = (row * 8 + y) * planeWidth + column * 8;
                            for (int x = 0; x < 8; x++) {
                                int v = Math.round(block[y * 8 + x]) + levelShift;
                                plane[base + x] = v < 0 ? 0 : Math.min(v, max);
                            }
                        }
                    }
                }
                planes[ci] = plane;
            }
            int[] samples = new int[width * height * n];
            for (int ci = 0; ci < n; ci++) {
                Component c = components.get(ci);
                int planeWidth = c.blocksPerLine * 8;
                int[] plane = planes[ci];
                for (int y = 0; y < height; y++) {
                    int sy = y * c.v / vMax;
                    for (int x = 0; x < width; x++) {
                        samples[(y * width + x) * n + ci] = plane[sy * planeWidth + x * c.h / hMax];
                    }
                }
            }
            return new Image(width, height, n, samples, false);
        }

        /** Each block's DC coefficient times its quantiser / 8 (the IDCT of a DC-only block), level shifted. */
        private Image dcImage(int n, int levelShift, int max) throws DecodeException {
            int outWidth = (width + 7) / 8;
            int outHeight = (height + 7) / 8;
            int[] samples = new int[outWidth * outHeight * n];
            for (int ci = 0; ci < n; ci++) {
                Component c = components.get(ci);
                int[] q = quant[c.quantTable];
                if (q == null) {
                    throw new DecodeException("JPEG component uses an undefined quantisation table");
                }
                for (int y = 0; y < outHeight; y++) {
                    int row = Math.min(c.blocksPerColumn - 1, y * c.v / vMax);
                    for (int x = 0; x < outWidth; x++) {
                        int column = Math.min(c.blocksPerLine - 1, x * c.h / hMax);
                        int v = Math.round(c.coefficients[(row * c.blocksPerLine + column) * 64] * q[0] / 8f)
                                + levelShift;
                        samples[(y * outWidth + x) * n + ci] = v < 0 ? 0 : Math.min(v, max);
                    }
                }
            }
            return new Image(outWidth, outHeight, n, samples, false);
        }

        /** Separable float IDCT in place; {@code block} holds coefficients in natural order. */
        private static void inverseDct(float[] block, float[] temp) {
            for (int v = 0; v < 8; v++) {
                for (int x = 0; x < 8; x++) {
                    float sum = 0;
                    float[] cx = COS[x];
                    int r = v * 8;
                    for (int u = 0; u < 8; u++) {
                        sum += cx[u] * block[r + u];
                    }
                    temp[v * 8 + x] = sum;
                }
            }
            for (int y = 0; y < 8; y++) {
                float[] cy = COS[y];
                for (int x = 0; x < 8; x++) {
                    float sum = 0;
                    for (int v = 0; v < 8; v++) {
                        sum += cy[v] * temp[v * 8 + x];
                    }
                    block[y * 8 + x] = sum;
                }
            }
        }
    }
}
