package org.importdesk.engine.dicom;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JPEG 2000 and HTJ2K (JPEG 2000 part 15) frames through OpenJPEG 2.5 (Debian's libopenjp2-7), reached with JNA.
 * OpenJPEG reads from a file stream here: the codestream goes to a private temporary file that is deleted at once.
 */
final class OpenJpegDecoder {
    record Image(int width, int height, int components, int[] samples) {
    }

    /** The part of the OpenJPEG 2 C API we call. */
    interface Api extends Library {
        Pointer opj_create_decompress(int format);

        void opj_set_default_decoder_parameters(Pointer parameters);

        int opj_setup_decoder(Pointer codec, Pointer parameters);

        Pointer opj_stream_create_default_file_stream(String file, int isReadStream);

        int opj_read_header(Pointer stream, Pointer codec, PointerByReference image);

        int opj_decode(Pointer codec, Pointer stream, Pointer image);

        int opj_end_decompress(Pointer codec, Pointer stream);

        void opj_stream_destroy(Pointer stream);

        void opj_destroy_codec(Pointer codec);

        void opj_image_destroy(Pointer image);

        String opj_version();
    }

    private static final int CODEC_J2K = 0;
    private static final int CODEC_JP2 = 2;
    /** opj_dparameters_t is about 8.3 kB; its layout is left to OpenJPEG, which fills it with the defaults. */
    private static final int PARAMETERS_SIZE = 64 * 1024;
    /** opj_image_comp_t: dx, dy, w, h, x0, y0, prec, bpp, sgnd, resno_decoded, factor (uint32), data (pointer). */
    private static final int COMPONENT_SIZE = 64;
    private static final int COMPONENT_PREC = 24;
    private static final int COMPONENT_SGND = 32;
    private static final int COMPONENT_DATA = 48;

    private static String loadError = "";
    private static final Api API = load();

    private OpenJpegDecoder() {
    }

    private static Api load() {
        for (String name : new String[]{"openjp2", "libopenjp2.so.7"}) {
            try {
                Api api = Native.load(name, Api.class);
                String version = api.opj_version();
                if (version != null && (version.startsWith("2.5") || version.compareTo("2.5") > 0)) {
                    return api;
                }
                loadError = "OpenJPEG " + version + " has no HTJ2K (2.5 or later needed)";
            } catch (UnsatisfiedLinkError e) {
                loadError = "OpenJPEG (libopenjp2) is not installed";
            }
        }
        return null;
    }

    static boolean available() {
        return API != null;
    }

    static Image decode(byte[] codestream) throws DecodeException {
        return decode(codestream, 0);
    }

    /** Decodes at full resolution, or {@code reduce} resolution levels lower (each halves width and height). */
    static Image decode(byte[] codestream, int reduce) throws DecodeException {
        if (API == null) {
            throw new DecodeException(loadError);
        }
        Path temp = null;
        Pointer codec = null;
        Pointer stream = null;
        Pointer image = null;
        try {
            temp = Files.createTempFile("importdesk-j2k", ".j2k");
            Files.write(temp, J2kCodestream.withoutTrailingSegments(codestream));
            boolean jp2 = codestream.length > 8 && codestream[4] == 'j' && codestream[5] == 'P';
            codec = API.opj_create_decompress(jp2 ? CODEC_JP2 : CODEC_J2K);
            Memory parameters = new Memory(PARAMETERS_SIZE);
            parameters.clear();
            API.opj_set_default_decoder_parameters(parameters);
            parameters.setInt(0, reduce); // cp_reduce, the first member of opj_dparameters_t
            if (codec == null || API.opj_setup_decoder(codec, parameters) == 0) {
                throw new DecodeException("OpenJPEG could not set up a decoder");
            }
            stream = API.opj_stream_create_default_file_stream(temp.toString(), 1);
            if (stream == null) {
                throw new DecodeException("OpenJPEG could not open the codestream");
            }
            PointerByReference imageRef = new PointerByReference();
            if (API.opj_read_header(stream, codec, imageRef) == 0) {
                throw new DecodeException("OpenJPEG could not read the codestream header");
            }
            image = imageRef.getValue();
            if (API.opj_decode(codec, stream, image) == 0 || API.opj_end_decompress(codec, stream) == 0) {
                throw new DecodeException("OpenJPEG could not decode the codestream");
            }
            int n = image.getInt(16);
            Pointer comps = image.getPointer(24);
            // the component size, not the image's x1 - x0: with cp_reduce only the components shrink
            int width = comps == null ? 0 : comps.getInt(8);
            int height = comps == null ? 0 : comps.getInt(12);
            if (n < 1 || n > 4 || comps == null || width <= 0 || height <= 0) {
                throw new DecodeException("OpenJPEG gave an image of " + width + "x" + height + "x" + n);
            }
            int[] samples = new int[width * height * n];
            for (int c = 0; c < n; c++) {
                Pointer comp = comps.share((long) c * COMPONENT_SIZE);
                int w = comp.getInt(8);
                int h = comp.getInt(12);
                if (w != width || h != height) {
                    throw new DecodeException("subsampled JPEG 2000 components are not supported");
                }
                Pointer data = comp.getPointer(COMPONENT_DATA);
                int[] plane = data.getIntArray(0, w * h);
                for (int i = 0; i < plane.length; i++) {
                    samples[i * n + c] = plane[i];
                }
                // prec and sgnd: the caller masks and sign-extends by Bits Stored and Pixel Representation
                comp.getInt(COMPONENT_PREC);
                comp.getInt(COMPONENT_SGND);
            }
            return new Image(width, height, n, samples);
        } catch (IOException e) {
            throw new DecodeException("cannot write a temporary file for OpenJPEG: " + e.getMessage(), e);
        } finally {
            if (image != null) {
                API.opj_image_destroy(image);
            }
            if (stream != null) {
                API.opj_stream_destroy(stream);
            }
            if (codec != null) {
                API.opj_destroy_codec(codec);
            }
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }
}
