package org.importdesk.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The mapping editor's draft: the tables it edits as lists, the vote rules as text (one rule a line, in the order they
 * apply), everything else as stored. A draft the user has not touched equals the stored content, so that saving writes
 * exactly the rows the user changed.
 *
 * <p>The rules text carries no positions. Positions are the rows' keys, so renumbering them would rewrite every rule
 * (the default content numbers its rules 10, 20, 30, ...): a rule the user kept keeps its stored position, and only a
 * new or edited rule takes a free position between its neighbours.
 */
public final class MappingDraft {

    /** The gap between the positions of rules appended at the end (or written into an empty table). */
    static final int STEP = 10;

    /** {@code base} with the editor's tables; the vote rules from {@code rulesText}, see {@link #rules}. */
    public static MappingContent of(MappingContent base, List<StudyClass> classes, List<Keyword> keywords,
                                    List<ProcedureCodeMapping> procedureCodes, List<BlacklistEntry> blacklist,
                                    String rulesText) {
        return new MappingContent(classes, keywords, procedureCodes, base.exactDescriptions(), blacklist,
                rules(rulesText, base.voteRules()), base.minorErrors(), base.modalityRemaps(), base.petMap(),
                base.settings());
    }

    /** The vote rules as the editor shows them: one a line, in ascending position. */
    public static String rulesText(List<VoteRule> rules) {
        StringBuilder b = new StringBuilder();
        rules.stream().sorted(Comparator.comparingInt(VoteRule::position)).forEach(r -> b.append(r.rule()).append('\n'));
        return b.toString();
    }

    /**
     * The rules of {@code text} (blank lines skipped, lines trimmed) in their order, positioned against {@code stored}:
     * the longest run of stored rules that the text keeps in order keeps its rows unchanged; every other line gets a
     * position between its neighbours. Where the gap is too narrow, the following kept rules move too.
     */
    public static List<VoteRule> rules(String text, List<VoteRule> stored) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.trim());
            }
        }
        List<VoteRule> old = stored.stream().sorted(Comparator.comparingInt(VoteRule::position)).toList();
        int[] kept = keptInOrder(lines, old);
        List<VoteRule> out = new ArrayList<>(lines.size());
        Long previous = null;
        int i = 0;
        while (i < lines.size()) {
            if (kept[i] >= 0) {
                VoteRule k = old.get(kept[i]);
                out.add(k);
                previous = (long) k.position();
                i++;
                continue;
            }
            // lines i..end-1 need positions; end is the next kept rule (or the end of the text)
            int end = nextKept(kept, i);
            while (true) {
                int count = end - i;
                if (end == lines.size()) {
                    long from = previous == null ? 0 : previous;
                    for (int j = 0; j < count; j++) {
                        out.add(new VoteRule(Math.toIntExact(from + (long) STEP * (j + 1)), lines.get(i + j)));
                    }
                    break;
                }
                long next = old.get(kept[end]).position();
                long low = previous != null ? previous : next - 1 >= count ? 0 : next - (long) STEP * (count + 1);
                if (next - low - 1 >= count) {
                    long step = (next - low) / (count + 1);
                    for (int j = 0; j < count; j++) {
                        out.add(new VoteRule(Math.toIntExact(low + step * (j + 1)), lines.get(i + j)));
                    }
                    break;
                }
                // no room before the next kept rule: it moves along with the new lines
                end = nextKept(kept, end + 1);
            }
            previous = (long) out.get(out.size() - 1).position();
            i = end;
        }
        return out;
    }

    private static int nextKept(int[] kept, int from) {
        int i = from;
        while (i < kept.length && kept[i] < 0) {
            i++;
        }
        return i;
    }

    /**
     * For each line, the index of the stored rule it keeps, or -1: a longest common subsequence of the lines and the
     * stored rules (compared trimmed), so that the kept rules' positions ascend with the lines.
     */
    private static int[] keptInOrder(List<String> lines, List<VoteRule> old) {
        int n = lines.size();
        int m = old.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = lines.get(i).equals(old.get(j).rule().trim()) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int[] kept = new int[n];
        java.util.Arrays.fill(kept, -1);
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (lines.get(i).equals(old.get(j).rule().trim())) {
                kept[i++] = j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return kept;
    }

    private MappingDraft() {
    }
}
