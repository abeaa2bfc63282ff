package org.importdesk.engine.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DicomNodeTest {
    @Test
    void parsesHostnamesIpv4AndIpv6AndRoundTrips() {
        assertThat(DicomNode.parse("a", "PACS@pacs.example.org:11112", true))
                .isEqualTo(new DicomNode("a", "PACS", "pacs.example.org", 11112, true));
        assertThat(DicomNode.parse("b", " ORTHANC@10.1.2.3:4242 ", false).spec()).isEqualTo("ORTHANC@10.1.2.3:4242");
        DicomNode v6 = DicomNode.parse("c", "X@[fd00::1]:104", false);
        assertThat(v6.host()).isEqualTo("fd00::1");
        assertThat(DicomNode.parse("c", v6.spec(), false)).isEqualTo(v6);
        assertThat(DicomNode.parse("d", "AE WITH SPACE@h:1", false).aeTitle()).isEqualTo("AE WITH SPACE");
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> DicomNode.parse("a", "pacs:104", false)).hasMessage("is not AET@host:port (no '@')");
        assertThatThrownBy(() -> DicomNode.parse("a", "P@h:x", false)).hasMessage("port 'x' is not a number");
        assertThatThrownBy(() -> DicomNode.parse("a", "P@h:0", false)).hasMessage("port 0 is outside 1..65535");
        assertThatThrownBy(() -> DicomNode.parse("a", "@h:1", false)).hasMessage("AE title is empty");
        assertThatThrownBy(() -> DicomNode.parse("a", "BACK\\SLASH@h:1", false)).hasMessageContaining("not allowed");
        assertThatThrownBy(() -> DicomNode.parse("a", "P@[::1]104", false)).hasMessage("is not AET@[ipv6]:port");
    }
}
