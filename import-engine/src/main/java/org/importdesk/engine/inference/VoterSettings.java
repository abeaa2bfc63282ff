package org.importdesk.engine.inference;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How series become network votes. Defaults from MOMO's reference configuration ({@code default_config.ini}):
 * votes under 0.15 confidence are dropped; a series whose description contains a blacklisted term does not vote.
 *
 * @param minConfidence  votes below this calibrated confidence are dropped
 * @param blacklist      lower-case substrings of Series Description / Protocol Name that exclude a series
 * @param noImageModalities modalities that carry no image a network could read
 */
public record VoterSettings(double minConfidence, List<String> blacklist, Set<String> noImageModalities) {

    public static final List<String> MOMO_BLACKLIST = List.of("localizer", "localiser", "patient", "protocol",
            "dosis", "dose", "report", "topogram", "scout", "survey", "surview", "screen", "save", "scoring",
            "evidence", "document", "result", "text");

    public static final VoterSettings DEFAULT = new VoterSettings(0.15, MOMO_BLACKLIST,
            Set.of("SR", "PR", "KO", "SEG", "REG", "RTSTRUCT", "RTPLAN", "RTDOSE", "RTRECORD", "DOC", "FID", "AU",
                    "ECG", "HD"));

    public VoterSettings {
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("minimum confidence outside [0,1]: " + minConfidence);
        }
        blacklist = blacklist.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        noImageModalities = Set.copyOf(noImageModalities);
    }

    /** The blacklisted term found in one of the texts, if any. */
    public java.util.Optional<String> blacklistedTerm(String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            for (String term : blacklist) {
                if (lower.contains(term)) {
                    return java.util.Optional.of(term);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
