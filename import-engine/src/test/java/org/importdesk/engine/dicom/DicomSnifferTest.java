package org.importdesk.engine.dicom;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DicomSnifferTest {

    private static DicomSniffer.Sniff sniff(byte[] b) {
        return DicomSniffer.sniff(Arrays.copyOf(b, Math.max(b.length, 0)), b.length, 10_000);
    }

    private static byte[] bytes(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    @Test
    void preambleAndDicmMakeDicom() {
        byte[] b = new byte[140];
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, b, 128, 4);
        assertThat(sniff(b).dicom()).isTrue();
        assertThat(sniff(b).preamble()).isTrue();
    }

    @Test
    void filesWithoutPreambleAreRecognisedByTheirFirstElement() {
        // (0002,0010) UI: a meta header without preamble
        assertThat(sniff(bytes(0x02, 0, 0x10, 0, 'U', 'I', 0x14, 0, '1', '.', '2')).layout())
                .isEqualTo("meta header without preamble");
        // (0008,0005) CS explicit little endian
        assertThat(sniff(bytes(0x08, 0, 0x05, 0, 'C', 'S', 0x0a, 0, 'I', 'S', 'O')).layout())
                .contains("explicit VR little endian");
        // (0008,0000) UL group length, implicit little endian (ACR-NEMA style)
        assertThat(sniff(bytes(0x08, 0, 0, 0, 4, 0, 0, 0, 0x1e, 1, 0, 0)).layout())
                .contains("implicit VR little endian");
        // (0008,0005) CS explicit big endian
        assertThat(sniff(bytes(0, 0x08, 0, 0x05, 'C', 'S', 0, 0x0a, 'I', 'S', 'O')).layout())
                .contains("big endian");
    }

    @Test
    void everythingElseIsNotDicomAndSaysWhatItLooksLike() {
        assertThat(sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F')).reason()).contains("JPEG");
        assertThat(sniff("[autorun]\r\nopen=viewer.exe\r\n".getBytes(StandardCharsets.US_ASCII)).reason())
                .contains("text");
        assertThat(sniff("<!DOCTYPE html><html>".getBytes(StandardCharsets.US_ASCII)).reason()).contains("HTML");
        assertThat(sniff(bytes('M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0)).reason()).contains("program");
        assertThat(sniff(bytes(0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3)).reason()).contains("gzip");
        assertThat(sniff(new byte[0]).reason()).contains("empty");
        assertThat(sniff(new byte[200]).dicom()).as("zeros").isFalse();
        // a shifted data set: group 0x0820 is not a plausible first element
        assertThat(sniff(bytes(0x20, 0x08, 0, 0x05, 0, 'C', 'S', 0x0a, 0, 'I', 'S', 'O')).dicom()).isFalse();
    }

    @Test
    void anImplicitLengthLongerThanTheFileIsNotDicom() {
        byte[] b = bytes(0x08, 0, 0x10, 0, 0xFF, 0xFF, 0xFF, 0x0F);
        assertThat(DicomSniffer.sniff(b, b.length, 100).dicom()).isFalse();
    }
}
