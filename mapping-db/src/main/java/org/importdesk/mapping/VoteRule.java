package org.importdesk.mapping;

/** A vote rule in MOMO's grammar at its position (rules apply in ascending position). */
public record VoteRule(int position, String rule) {
}
