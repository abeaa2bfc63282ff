package org.importdesk.engine.dicom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DicomNodeTest {
    @Test
    void parsesAetHostPort() {
        DicomNode n = DicomNode.parse("PACS_1@pacs.example.org:11112");
        assertThat(n.aeTitle()).isEqualTo("PACS_1");
        assertThat(n.host()).isEqualTo("pacs.example.org");
        assertThat(n.port()).isEqualTo(11112);
        assertThat(DicomNode.parse("X@[::1]:104").host()).isEqualTo("::1");
        assertThat(n.tls()).isFalse();
    }

    @Test
    void aTlsPrefixMarksANodeForTlsAndSurvivesTheRoundTrip() {
        DicomNode n = DicomNode.parse("TLS:PACS@pacs.example.org:2762");
        assertThat(n.tls()).isTrue();
        assertThat(n.aeTitle()).isEqualTo("PACS");
        assertThat(n.port()).isEqualTo(2762);
        assertThat(n.toString()).isEqualTo("tls:PACS@pacs.example.org:2762");
        assertThat(DicomNode.parse(n.toString())).isEqualTo(n);
        assertThat(n.withTls(false)).isEqualTo(new DicomNode("PACS", "pacs.example.org", 2762));
        DicomNode v6 = DicomNode.parse("tls:X@[::1]:104");
        assertThat(DicomNode.parse(v6.toString())).isEqualTo(v6);
    }

    @Test
    void rejectsBadInputWithAClearMessage() {
        assertThatThrownBy(() -> DicomNode.parse("pacs:104")).hasMessageContaining("AET@HOST:PORT");
        assertThatThrownBy(() -> DicomNode.parse("A@h:70000")).hasMessageContaining("port");
        assertThatThrownBy(() -> DicomNode.parse("WAYTOOLONGAETITLE17@h:104")).hasMessageContaining("AET@HOST:PORT");
    }

    @Test
    void commandSetsRoundTrip() {
        byte[] b = new CommandSet().ui(0x00000002, "1.2.840.10008.1.1").us(0x00000100, 0x0030).us(0x00000110, 7)
                .us(0x00000800, 0x0101).encode();
        CommandSet c = CommandSet.decode(b);
        assertThat(c.ui(0x00000002)).isEqualTo("1.2.840.10008.1.1");
        assertThat(c.us(0x00000100)).isEqualTo(0x0030);
        assertThat(c.us(0x00000110)).isEqualTo(7);
        // group length first, value = bytes after it
        assertThat(b[8] & 0xFF | (b[9] & 0xFF) << 8).isEqualTo(b.length - 12);
    }
}
