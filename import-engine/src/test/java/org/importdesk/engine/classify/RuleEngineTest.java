package org.importdesk.engine.classify;

import org.importdesk.mapping.ParsedRule;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RuleEngineTest {

    private static Map<String, Double> votes(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    private static RuleEngine engine(String... rules) {
        return new RuleEngine(List.of(rules).stream().map(ParsedRule::parse).toList());
    }

    @Test
    void combineMovesAllVotesOfThePresentCodesToTheTarget() {
        RuleEngine.Outcome o = engine("CTT+CTAB=CTTA").apply(votes("CTT", 2, "CTAB", 1, "CTS", 2));
        assertThat(o.votes()).containsEntry("CTTA", 3.0).containsEntry("CTS", 2.0).doesNotContainKeys("CTT", "CTAB");
        assertThat(o.applied()).containsExactly("CTT+CTAB=CTTA");
        assertThat(engine("CTT+CTAB=CTTA").apply(votes("CTT", 2)).applied()).isEmpty();
    }

    @Test
    void subtractionRequiresTheCodeToBeAbsent() {
        assertThat(engine("CTT-CTH=CTTA").apply(votes("CTT", 1, "CTH", 1)).votes()).containsKeys("CTT", "CTH");
        assertThat(engine("CTT-CTH=CTTA").apply(votes("CTT", 1)).votes()).containsOnlyKeys("CTTA");
    }

    @Test
    void preferMovesTheLosersVotesOnlyWhenBothVoted() {
        assertThat(engine("CTSH>CTS").apply(votes("CTS", 3, "CTSH", 1)).votes()).containsOnly(Map.entry("CTSH", 4.0));
        assertThat(engine("CTSH>CTS").apply(votes("CTS", 3)).votes()).containsOnly(Map.entry("CTS", 3.0));
    }

    @Test
    void absoluteRulesStopTheRestAndDecide() {
        RuleEngine e = engine("CTH!+CTT-CTAB", "CTT+CTH=CTTA");
        assertThat(e.apply(votes("CTT", 5, "CTH", 1)).absolute()).contains("CTH");
        RuleEngine.Outcome o = e.apply(votes("CTT", 5, "CTH", 1, "CTAB", 1));
        assertThat(o.absolute()).isEmpty();
        assertThat(o.votes()).containsKey("CTTA");
        assertThat(engine("CTH!").apply(votes("CTT", 5)).absolute()).isEmpty();
    }

    @Test
    void rulesApplyInOrder() {
        // the second rule sees the result of the first
        RuleEngine.Outcome o = engine("CTT+CTAB=CTTA", "CTTA>CTB").apply(votes("CTT", 1, "CTAB", 1, "CTB", 1));
        assertThat(o.votes()).containsOnly(Map.entry("CTTA", 3.0));
        RuleEngine.Outcome reversed = engine("CTTA>CTB", "CTT+CTAB=CTTA").apply(votes("CTT", 1, "CTAB", 1, "CTB", 1));
        assertThat(reversed.votes()).containsOnly(Map.entry("CTTA", 2.0), Map.entry("CTB", 1.0));
    }
}
