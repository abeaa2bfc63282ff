package org.importdesk.mapping;

import java.time.Instant;
import java.util.Optional;

/**
 * One recorded change of one row. {@code oldValue} is empty for an insert, {@code newValue} for a delete.
 * {@code reverts} names the change this one rolled back, when it is a rollback.
 */
public record ChangeLogEntry(long id, Instant changedAt, String changedBy, String table, String rowKey,
                             Optional<String> oldValue, Optional<String> newValue, Optional<Long> reverts) {
}
