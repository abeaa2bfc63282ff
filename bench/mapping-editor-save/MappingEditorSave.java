import org.importdesk.mapping.Keyword;
import org.importdesk.mapping.MappingContent;
import org.importdesk.mapping.MappingDraft;
import org.importdesk.mapping.MappingStore;
import org.importdesk.mapping.VoteRule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One keyword added in the mapping editor, saved into a database holding the default content: the editor's draft as
 * it was built before (rules text renumbered 1..n) and as it is now ({@link MappingDraft}). Per round, each variant
 * gets its own fresh copy of the same database, the variants alternating which goes first; one warm-up round is not
 * counted. Prints rows written, times (median and range) and the median of the per-round differences.
 */
public class MappingEditorSave {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Path work = Files.createTempDirectory("mapping-editor-save");
        Path template = work.resolve("template");
        MappingStore.openEmbedded(template);
        long[][] save = new long[2][rounds];
        long[][] task = new long[2][rounds];
        int[] rows = new int[2];
        for (int round = -1; round < rounds; round++) {
            int r = Math.max(round, 0); // round -1 warms up and is overwritten by round 0
            for (int k = 0; k < 2; k++) {
                int variant = (r + k) % 2; // alternate which variant goes first
                Path dir = work.resolve("r" + round + "v" + variant);
                Files.createDirectories(dir);
                Files.copy(template.resolve("mapping.mv.db"), dir.resolve("mapping.mv.db"), StandardCopyOption.REPLACE_EXISTING);
                MappingStore store = MappingStore.openEmbedded(dir);
                MappingContent base = store.load();
                int logged = store.changes().size();
                List<Keyword> keywords = new ArrayList<>(base.keywords());
                keywords.add(0, new Keyword("CTS", "kalottenspezial", "de", Keyword.Scope.BOTH));
                String rulesText = MappingDraft.rulesText(base.voteRules());
                MappingContent draft = variant == 0 ? before(base, keywords, rulesText)
                        : MappingDraft.of(base, base.classes(), keywords, base.procedureCodes(), base.blacklist(), rulesText);
                long t0 = System.nanoTime();
                store.save(draft, "bench");
                long t1 = System.nanoTime();
                // what the editor's save task does next (besides reloading the classifier)
                store.load();
                rows[variant] = store.changes().size() - logged;
                long t2 = System.nanoTime();
                save[variant][r] = (t1 - t0) / 1_000_000;
                task[variant][r] = (t2 - t0) / 1_000_000;
            }
        }
        String[] names = {"before (rules renumbered)", "after (MappingDraft)"};
        for (int v = 0; v < 2; v++) {
            System.out.printf("%-26s rows written per save: %d   store.save: %s   save+load+changes: %s%n", names[v],
                    rows[v], stats(save[v]), stats(task[v]));
        }
        long[] saveDiff = new long[rounds];
        long[] taskDiff = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            saveDiff[r] = save[0][r] - save[1][r];
            taskDiff[r] = task[0][r] - task[1][r];
        }
        System.out.printf("before minus after, paired per round: store.save %s   save+load+changes: %s%n",
                stats(saveDiff), stats(taskDiff));
    }

    /** The draft as MappingViewModel.draft() built it before the fix. */
    private static MappingContent before(MappingContent base, List<Keyword> keywords, String rulesText) {
        List<VoteRule> voteRules = new ArrayList<>();
        int position = 1;
        for (String line : rulesText.split("\\R")) {
            if (!line.isBlank()) {
                voteRules.add(new VoteRule(position++, line.trim()));
            }
        }
        return new MappingContent(base.classes(), keywords, base.procedureCodes(), base.exactDescriptions(),
                base.blacklist(), voteRules, base.minorErrors(), base.modalityRemaps(), base.petMap(), base.settings());
    }

    private static String stats(long[] ms) {
        long[] s = ms.clone();
        Arrays.sort(s);
        return String.format("median %d ms (%d-%d)", s[s.length / 2], s[0], s[s.length - 1]);
    }
}
