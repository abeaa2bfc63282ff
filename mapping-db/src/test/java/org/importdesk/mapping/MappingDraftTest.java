package org.importdesk.mapping;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** How the editor's rules text gets its positions: kept rules keep theirs, so an edit rewrites only what it touched. */
class MappingDraftTest {

    private static final List<VoteRule> STORED = List.of(new VoteRule(10, "CTT+CTAB=CTTA"), new VoteRule(20, "CTTA>CTAB"),
            new VoteRule(30, "CTTA>CTT"), new VoteRule(40, "CTWB>CTTA"));

    @Test
    void untouchedTextGivesTheStoredRules() {
        assertThat(MappingDraft.rules(MappingDraft.rulesText(STORED), STORED)).isEqualTo(STORED);
        // stored out of order: the text lists them by position, and nothing moves
        List<VoteRule> shuffled = List.of(STORED.get(2), STORED.get(0), STORED.get(3), STORED.get(1));
        assertThat(MappingDraft.rulesText(shuffled)).isEqualTo("CTT+CTAB=CTTA\nCTTA>CTAB\nCTTA>CTT\nCTWB>CTTA\n");
        assertThat(MappingDraft.rules(MappingDraft.rulesText(shuffled), shuffled)).isEqualTo(STORED);
        // blank lines and surrounding spaces are no edit
        assertThat(MappingDraft.rules("\n  CTT+CTAB=CTTA \n\nCTTA>CTAB\r\nCTTA>CTT\nCTWB>CTTA\n\n", STORED)).isEqualTo(STORED);
    }

    @Test
    void anInsertedRuleTakesAFreePositionBetweenItsNeighbours() {
        List<VoteRule> r = MappingDraft.rules("CTT+CTAB=CTTA\nCTTA>CTAB\nCTWB>CTT\nCTTA>CTT\nCTWB>CTTA\n", STORED);
        assertThat(r).containsExactly(STORED.get(0), STORED.get(1), new VoteRule(25, "CTWB>CTT"), STORED.get(2),
                STORED.get(3));
        assertThat(MappingDraft.rules("CTWB>CTT\n" + MappingDraft.rulesText(STORED), STORED))
                .containsExactly(new VoteRule(5, "CTWB>CTT"), STORED.get(0), STORED.get(1), STORED.get(2), STORED.get(3));
        assertThat(MappingDraft.rules(MappingDraft.rulesText(STORED) + "CTWB>CTT\nCTWB>CTAB\n", STORED))
                .endsWith(new VoteRule(50, "CTWB>CTT"), new VoteRule(60, "CTWB>CTAB"));
        assertThat(MappingDraft.rules("A>B\nB>C\n", List.of())).containsExactly(new VoteRule(10, "A>B"), new VoteRule(20, "B>C"));
    }

    @Test
    void anEditedRuleKeepsItsPositionAndADeletedOneLeavesTheOthers() {
        assertThat(MappingDraft.rules("CTT+CTAB=CTTA\nCTTA>CTB\nCTTA>CTT\nCTWB>CTTA\n", STORED))
                .containsExactly(STORED.get(0), new VoteRule(20, "CTTA>CTB"), STORED.get(2), STORED.get(3));
        assertThat(MappingDraft.rules("CTT+CTAB=CTTA\nCTTA>CTT\nCTWB>CTTA\n", STORED))
                .containsExactly(STORED.get(0), STORED.get(2), STORED.get(3));
    }

    @Test
    void withoutRoomTheFollowingRulesMoveAsFewAsPossible() {
        List<VoteRule> tight = List.of(new VoteRule(1, "A>B"), new VoteRule(2, "B>C"), new VoteRule(3, "C>D"),
                new VoteRule(20, "D>E"));
        List<VoteRule> r = MappingDraft.rules("A>B\nX>Y\nB>C\nC>D\nD>E\n", tight);
        assertThat(r).extracting(VoteRule::rule).containsExactly("A>B", "X>Y", "B>C", "C>D", "D>E");
        assertAscending(r);
        assertThat(r).contains(tight.get(0), tight.get(3));
        // before position 1 there is room below zero
        List<VoteRule> first = MappingDraft.rules("X>Y\nA>B\nB>C\nC>D\nD>E\n", tight);
        assertThat(first.subList(1, 5)).isEqualTo(tight);
        assertThat(first.get(0).position()).isLessThan(1);
    }

    @Test
    void anyEditKeepsTheTextsOrderWithAscendingPositions() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            List<VoteRule> stored = new ArrayList<>();
            int position = random.nextInt(5);
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                position += 1 + random.nextInt(random.nextBoolean() ? 2 : 20);
                stored.add(new VoteRule(position, "R" + random.nextInt(15) + ">S" + i));
            }
            List<String> lines = new ArrayList<>(stored.stream().map(VoteRule::rule).toList());
            for (int e = random.nextInt(4); e > 0; e--) {
                int at = lines.isEmpty() ? 0 : random.nextInt(lines.size());
                switch (random.nextInt(3)) {
                    case 0 -> lines.add(at, "N" + random.nextInt(99) + ">M");
                    case 1 -> {
                        if (!lines.isEmpty()) {
                            lines.remove(at);
                        }
                    }
                    default -> {
                        if (!lines.isEmpty()) {
                            String moved = lines.remove(at);
                            lines.add(random.nextInt(lines.size() + 1), moved);
                        }
                    }
                }
            }
            List<VoteRule> r = MappingDraft.rules(String.join("\n", lines), stored);
            assertThat(r).extracting(VoteRule::rule).as("round %d", round).isEqualTo(lines);
            assertAscending(r);
        }
    }

    private static void assertAscending(List<VoteRule> rules) {
        for (int i = 1; i < rules.size(); i++) {
            assertThat(rules.get(i).position()).as("position after %s", rules.get(i - 1)).isGreaterThan(rules.get(i - 1).position());
        }
    }
}
