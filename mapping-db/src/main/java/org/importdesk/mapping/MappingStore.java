package org.importdesk.mapping;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Modality Mapping Database behind a JDBC URL: an embedded H2 file by default, a shared H2 server
 * ({@code jdbc:h2:tcp://...}) or PostgreSQL ({@code jdbc:postgresql://...}) for several import desks. Opening migrates
 * the schema (Flyway) and, on a new database, writes the default content. Every change is recorded in the change log
 * (who, when, old and new row) and can be rolled back.
 */
public final class MappingStore {

    private static final Logger LOG = LoggerFactory.getLogger(MappingStore.class);

    private final String url;
    private final String user;
    private final String password;
    private final MappingValidator validator = new MappingValidator();

    private MappingStore(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Opens (creating and migrating when needed) the database at {@code jdbcUrl}. {@code user} null: the credentials
     * are in the URL (or not needed).
     */
    public static MappingStore open(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:org/importdesk/mapping/db")
                // own history table: the mapping tables may share a database with other parts of ImportDesk
                .table("mapping_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .javaMigrations(new V2__Default_content())
                .load()
                .migrate();
        return new MappingStore(jdbcUrl, user, password);
    }

    /** The embedded H2 database in {@code directory} (file {@code mapping.mv.db}). */
    public static MappingStore openEmbedded(Path directory) {
        return open("jdbc:h2:file:" + directory.toAbsolutePath().resolve("mapping") + ";DB_CLOSE_DELAY=0", "sa", "");
    }

    public String url() {
        return url;
    }

    public MappingContent load() {
        try (Connection c = connect()) {
            return load(c);
        } catch (SQLException e) {
            throw new MappingStoreException("cannot read the mapping database " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the content with {@code content}: validates it (errors refuse the save), then writes only the rows
     * that differ, one change-log entry per row, in one transaction. Returns the findings (warnings).
     */
    public List<ValidationFinding> save(MappingContent content, String who) {
        List<ValidationFinding> findings = validator.validate(content);
        if (MappingValidator.hasErrors(findings)) {
            throw new MappingValidationException(findings);
        }
        long started = System.nanoTime();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                int n = writeDiff(c, load(c), content, who, null);
                c.commit();
                LOG.info("mapping database: {} row changes saved by {} in {} ms", n, who,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new MappingStoreException("cannot save to the mapping database: " + e.getMessage(), e);
        }
        return findings;
    }

    /** The change log, oldest first. */
    public List<ChangeLogEntry> changes() {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, changed_at, changed_by, table_name, row_key, old_value, new_value, reverts "
                        + "FROM change_log ORDER BY id")) {
            List<ChangeLogEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long reverts = rs.getLong(8);
                    Optional<Long> rev = rs.wasNull() ? Optional.empty() : Optional.of(reverts);
                    out.add(new ChangeLogEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), Optional.ofNullable(rs.getString(6)),
                            Optional.ofNullable(rs.getString(7)), rev));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new MappingStoreException("cannot read the change log: " + e.getMessage(), e);
        }
    }

    /**
     * Undoes change {@code changeId}: the row goes back to its old value (or away, when the change inserted it). Refused
     * when the row has changed since, or when the result would not validate. The rollback is itself logged.
     */
    public void rollback(long changeId, String who) {
        ChangeLogEntry entry = changes().stream().filter(e -> e.id() == changeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no change " + changeId + " in the change log"));
        MappingTables.Table table = MappingTables.byName(entry.table());
        MappingContent current = load();
        Map<String, Map<String, String>> rows = keyed(table, current);
        Map<String, String> now = rows.get(entry.rowKey());
        Map<String, String> expected = entry.newValue().map(RowCodec::decode).orElse(null);
        if (!Objects.equals(now, expected)) {
            throw new IllegalStateException("change " + changeId + " cannot be rolled back: the " + entry.table()
                    + " row " + entry.rowKey() + " has changed since");
        }
        if (entry.oldValue().isPresent()) {
            rows.put(entry.rowKey(), RowCodec.decode(entry.oldValue().get()));
        } else {
            rows.remove(entry.rowKey());
        }
        Map<MappingTables.Table, List<Map<String, String>>> all = new LinkedHashMap<>();
        for (MappingTables.Table t : MappingTables.ALL) {
            all.put(t, t == table ? new ArrayList<>(rows.values()) : t.rows().apply(current));
        }
        MappingContent target = MappingTables.content(all);
        List<ValidationFinding> findings = validator.validate(target);
        if (MappingValidator.hasErrors(findings)) {
            throw new MappingValidationException(findings);
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                writeDiff(c, current, target, who, changeId);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new MappingStoreException("cannot roll back change " + changeId + ": " + e.getMessage(), e);
        }
    }

    public List<ValidationFinding> validate(MappingContent content) {
        return validator.validate(content);
    }

    private Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    static MappingContent load(Connection c) throws SQLException {
        Map<MappingTables.Table, List<Map<String, String>>> all = new LinkedHashMap<>();
        for (MappingTables.Table t : MappingTables.ALL) {
            List<Map<String, String>> rows = new ArrayList<>();
            String sql = "SELECT " + String.join(", ", t.columns()) + " FROM " + t.name() + " ORDER BY "
                    + String.join(", ", t.keys());
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < t.columns().size(); i++) {
                        row.put(t.columns().get(i), rs.getString(i + 1));
                    }
                    for (String b : t.booleanColumns()) {
                        row.put(b, Boolean.toString(Boolean.parseBoolean(row.get(b)) || "1".equals(row.get(b))
                                || "t".equals(row.get(b))));
                    }
                    rows.add(row);
                }
            }
            all.put(t, rows);
        }
        return MappingTables.content(all);
    }

    /** Writes the rows of {@code target} that differ from {@code current}; returns how many rows changed. */
    static int writeDiff(Connection c, MappingContent current, MappingContent target, String who, Long reverts)
            throws SQLException {
        Instant now = Instant.now();
        int changes = 0;
        List<Object[]> log = new ArrayList<>();
        Map<MappingTables.Table, Map<String, Map<String, String>>> before = new HashMap<>();
        Map<MappingTables.Table, Map<String, Map<String, String>>> after = new HashMap<>();
        for (MappingTables.Table t : MappingTables.ALL) {
            before.put(t, keyed(t, current));
            after.put(t, keyed(t, target));
        }
        // deletes first, children before parents
        List<MappingTables.Table> reversed = new ArrayList<>(MappingTables.ALL);
        java.util.Collections.reverse(reversed);
        for (MappingTables.Table t : reversed) {
            for (var e : before.get(t).entrySet()) {
                if (!after.get(t).containsKey(e.getKey())) {
                    delete(c, t, e.getValue());
                    log.add(new Object[]{t, e.getKey(), e.getValue(), null});
                    changes++;
                }
            }
        }
        for (MappingTables.Table t : MappingTables.ALL) {
            List<Map<String, String>> inserts = new ArrayList<>();
            for (var e : after.get(t).entrySet()) {
                Map<String, String> old = before.get(t).get(e.getKey());
                if (old == null) {
                    inserts.add(e.getValue());
                } else if (!old.equals(e.getValue())) {
                    update(c, t, e.getValue());
                } else {
                    continue;
                }
                log.add(new Object[]{t, e.getKey(), old, e.getValue()});
                changes++;
            }
            insert(c, t, inserts);
        }
        log(c, now, who, log, reverts);
        return changes;
    }

    private static Map<String, Map<String, String>> keyed(MappingTables.Table t, MappingContent content) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map<String, String> row : t.rows().apply(content)) {
            if (out.put(t.key(row), row) != null) {
                throw new MappingValidationException(List.of(new ValidationFinding(ValidationFinding.Severity.ERROR,
                        t.name(), "row " + t.key(row).replace('\t', ' ') + " twice")));
            }
        }
        return out;
    }

    private static void delete(Connection c, MappingTables.Table t, Map<String, String> row) throws SQLException {
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(t.name()).append(" WHERE ");
        List<String> keys = t.keys();
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i > 0 ? " AND " : "").append(keys.get(i)).append(" = ?");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < keys.size(); i++) {
                bind(ps, i + 1, t, keys.get(i), row.get(keys.get(i)));
            }
            ps.executeUpdate();
        }
    }

    private static void insert(Connection c, MappingTables.Table t, List<Map<String, String>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + t.name() + " (" + String.join(", ", t.columns()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(t.columns().size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map<String, String> row : rows) {
                for (int i = 0; i < t.columns().size(); i++) {
                    bind(ps, i + 1, t, t.columns().get(i), row.get(t.columns().get(i)));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, int index, MappingTables.Table t, String column, String value)
            throws SQLException {
        if (t.booleanColumns().contains(column)) {
            ps.setBoolean(index, Boolean.parseBoolean(value));
        } else if (t.intColumns().contains(column)) {
            ps.setInt(index, Integer.parseInt(value));
        } else if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void log(Connection c, Instant when, String who, List<Object[]> rows, Long reverts)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_log (changed_at, changed_by, table_name, "
                + "row_key, old_value, new_value, reverts) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Object[] r : rows) {
                Map<String, String> old = (Map<String, String>) r[2];
                Map<String, String> neu = (Map<String, String>) r[3];
                ps.setTimestamp(1, Timestamp.from(when));
                ps.setString(2, who);
                ps.setString(3, ((MappingTables.Table) r[0]).name());
                ps.setString(4, (String) r[1]);
                ps.setString(5, old == null ? null : RowCodec.encode(old));
                ps.setString(6, neu == null ? null : RowCodec.encode(neu));
                if (reverts == null) {
                    ps.setNull(7, Types.BIGINT);
                } else {
                    ps.setLong(7, reverts);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void update(Connection c, MappingTables.Table t, Map<String, String> row) throws SQLException {
        List<String> keys = t.keys();
        List<String> values = t.columns().subList(keys.size(), t.columns().size());
        StringBuilder sql = new StringBuilder("UPDATE ").append(t.name()).append(" SET ");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i > 0 ? ", " : "").append(values.get(i)).append(" = ?");
        }
        sql.append(" WHERE ");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i > 0 ? " AND " : "").append(keys.get(i)).append(" = ?");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String v : values) {
                bind(ps, i++, t, v, row.get(v));
            }
            for (String k : keys) {
                bind(ps, i++, t, k, row.get(k));
            }
            ps.executeUpdate();
        }
    }
}
