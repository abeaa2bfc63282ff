package org.importdesk.engine.dicom;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * JPEG-LS decoding through CharLS 2.x (Debian's libcharls2), reached with JNA. Loaded on first use; when the library
 * is missing, {@link #available()} is false and decoding says so.
 */
final class CharLsJpegLs {

    /** The part of the CharLS 2.x C API we call (charls_jpegls_decoder_*). size_t is 64-bit on the platforms we run. */
    interface Api extends Library {
        Pointer charls_jpegls_decoder_create();

        void charls_jpegls_decoder_destroy(Pointer decoder);

        /** The decoder keeps the pointer: the buffer must be native memory that outlives the decoding. */
        int charls_jpegls_decoder_set_source_buffer(Pointer decoder, Pointer source, long sourceSize);

        int charls_jpegls_decoder_read_header(Pointer decoder);

        /** charls_frame_info: uint32 width, uint32 height, int32 bits_per_sample, int32 component_count. */
        int charls_jpegls_decoder_get_frame_info(Pointer decoder, int[] frameInfo);

        int charls_jpegls_decoder_get_interleave_mode(Pointer decoder, int[] interleaveMode);

        int charls_jpegls_decoder_get_destination_size(Pointer decoder, int stride, long[] size);

        int charls_jpegls_decoder_decode_to_buffer(Pointer decoder, byte[] destination, long size, int stride);

        String charls_get_error_message(int errc);
    }

    /** A decoded JPEG-LS image: samples interleaved per pixel. */
    record Image(int width, int height, int bitsPerSample, int components, int[] samples) {
    }

    private static String loadError = ""; // before API: load() sets it during class initialisation
    private static final Api API = load();

    private CharLsJpegLs() {
    }

    private static Api load() {
        for (String name : new String[]{"charls", "libcharls.so.2", "charls-2-x64"}) {
            try {
                return Native.load(name, Api.class);
            } catch (UnsatisfiedLinkError e) {
                loadError = e.getMessage();
            }
        }
        return null;
    }

    static boolean available() {
        return API != null;
    }

    static String unavailableReason() {
        return "CharLS (libcharls) is not installed: " + loadError;
    }

    static Image decode(byte[] jpegLs) throws DecodeException {
        if (API == null) {
            throw new DecodeException(unavailableReason());
        }
        Pointer decoder = API.charls_jpegls_decoder_create();
        if (decoder == null) {
            throw new DecodeException("CharLS could not create a decoder");
        }
        try {
            Memory source = new Memory(Math.max(1, jpegLs.length));
            source.write(0, jpegLs, 0, jpegLs.length);
            check(API.charls_jpegls_decoder_set_source_buffer(decoder, source, jpegLs.length));
            check(API.charls_jpegls_decoder_read_header(decoder));
            int[] info = new int[4];
            check(API.charls_jpegls_decoder_get_frame_info(decoder, info));
            int[] mode = new int[1];
            check(API.charls_jpegls_decoder_get_interleave_mode(decoder, mode));
            long[] size = new long[1];
            check(API.charls_jpegls_decoder_get_destination_size(decoder, 0, size));
            if (size[0] <= 0 || size[0] > Integer.MAX_VALUE - 16) {
                throw new DecodeException("JPEG-LS frame too large: " + size[0] + " bytes");
            }
            byte[] out = new byte[(int) size[0]];
            check(API.charls_jpegls_decoder_decode_to_buffer(decoder, out, out.length, 0));
            int width = info[0];
            int height = info[1];
            int bits = info[2];
            int components = info[3];
            int pixels = width * height;
            int[] samples = new int[pixels * components];
            boolean wide = bits > 8;
            boolean planar = mode[0] == 0 && components > 1; // CHARLS_INTERLEAVE_MODE_NONE: one plane after another
            for (int i = 0; i < samples.length; i++) {
                int v = wide ? (out[2 * i] & 0xFF) | (out[2 * i + 1] & 0xFF) << 8 : out[i] & 0xFF;
                int target = planar ? (i % pixels) * components + i / pixels : i;
                samples[target] = v;
            }
            source.close();
            return new Image(width, height, bits, components, samples);
        } finally {
            API.charls_jpegls_decoder_destroy(decoder);
        }
    }

    private static void check(int errc) throws DecodeException {
        if (errc != 0) {
            String message;
            try {
                message = API.charls_get_error_message(errc);
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                message = "error " + errc;
            }
            throw new DecodeException("CharLS: " + message);
        }
    }
}
