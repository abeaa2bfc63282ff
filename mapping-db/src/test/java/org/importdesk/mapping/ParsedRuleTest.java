package org.importdesk.mapping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParsedRuleTest {

    @Test
    void parsesEveryFormOfTheGrammar() {
        ParsedRule c = ParsedRule.parse("CTT+CTAB-CTH=CTTA");
        assertThat(c.kind()).isEqualTo(ParsedRule.Kind.COMBINE);
        assertThat(c.present()).containsExactly("CTT", "CTAB");
        assertThat(c.absent()).containsExactly("CTH");
        assertThat(c.target()).isEqualTo("CTTA");
        ParsedRule p = ParsedRule.parse("CTSH>CTS");
        assertThat(p.kind()).isEqualTo(ParsedRule.Kind.PREFER);
        assertThat(p.present()).containsExactly("CTSH", "CTS");
        assertThat(ParsedRule.parse("CTH!").present()).containsExactly("CTH");
        ParsedRule a = ParsedRule.parse("PCTH!+CTT-CTAB");
        assertThat(a.kind()).isEqualTo(ParsedRule.Kind.ABSOLUTE);
        assertThat(a.present()).containsExactly("PCTH", "CTT");
        assertThat(a.absent()).containsExactly("CTAB");
    }

    @Test
    void rejectsMalformedRules() {
        for (String bad : new String[]{"", "-A=B", "A+=B", "A=B=C", "A>B>C", "!A", "A", "A+B"}) {
            assertThatThrownBy(() -> ParsedRule.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
