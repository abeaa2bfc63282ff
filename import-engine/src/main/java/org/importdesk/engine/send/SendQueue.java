package org.importdesk.engine.send;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The durable send queue: one row per instance in an embedded H2 database file, written before anything is sent.
 * Every state change is committed at once with WRITE_DELAY=0, so a kill -9 at any moment loses at most the answer to
 * the one C-STORE in flight; that row stays {@code sending} and the rerun asks the PACS about it before sending it
 * again. Thread safe (one connection, synchronized).
 */
public final class SendQueue implements AutoCloseable {
    private final Connection db;

    private SendQueue(Connection db) {
        this.db = db;
    }

    /** Opens (creating when absent) the queue in {@code dataDir}/send-queue.mv.db. */
    public static SendQueue open(Path dataDir) throws SendException {
        try {
            Files.createDirectories(dataDir);
            String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("send-queue") + ";WRITE_DELAY=0";
            Connection c = DriverManager.getConnection(url, "importdesk", "");
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS send_job (job_id VARCHAR(64) PRIMARY KEY, destination VARCHAR(200) NOT NULL,"
                        + " study_uid VARCHAR(64) NOT NULL, created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP)");
                s.execute("CREATE TABLE IF NOT EXISTS send_item (job_id VARCHAR(64) NOT NULL, sop_instance_uid VARCHAR(64) NOT NULL,"
                        + " target_uid VARCHAR(64) NOT NULL, series_uid VARCHAR(64) NOT NULL, sop_class_uid VARCHAR(64) NOT NULL,"
                        + " file VARCHAR(4000) NOT NULL, state VARCHAR(16) NOT NULL, status VARCHAR(8) DEFAULT '' NOT NULL,"
                        + " reason VARCHAR(1000) DEFAULT '' NOT NULL, attempts INT DEFAULT 0 NOT NULL, acks INT DEFAULT 0 NOT NULL,"
                        + " confirmed BOOLEAN DEFAULT FALSE NOT NULL, updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,"
                        + " PRIMARY KEY (job_id, sop_instance_uid))");
                s.execute("ALTER TABLE send_item ADD COLUMN IF NOT EXISTS commitment VARCHAR(16) DEFAULT '' NOT NULL");
                s.execute("ALTER TABLE send_item ADD COLUMN IF NOT EXISTS commitment_reason VARCHAR(200) DEFAULT '' NOT NULL");
                s.execute("ALTER TABLE send_job ADD COLUMN IF NOT EXISTS commitment VARCHAR(16) DEFAULT '' NOT NULL");
                s.execute("ALTER TABLE send_job ADD COLUMN IF NOT EXISTS commitment_summary VARCHAR(1000) DEFAULT '' NOT NULL");
            }
            return new SendQueue(c);
        } catch (Exception e) {
            throw new SendException("cannot open the send queue in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the job and a pending row for every instance not yet in it (rows of an earlier run are kept as they are).
     *
     * @param targetUids source SOP Instance UID to the UID it is sent under (same when UIDs are kept)
     */
    public synchronized void enqueue(String jobId, String destination, String studyUid, Collection<SendItem> items,
                                     java.util.Map<String, String> targetUids) throws SendException {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement job = db.prepareStatement(
                    "MERGE INTO send_job (job_id, destination, study_uid) KEY (job_id) VALUES (?, ?, ?)");
                 PreparedStatement row = db.prepareStatement(
                         "INSERT INTO send_item (job_id, sop_instance_uid, target_uid, series_uid, sop_class_uid, file, state)"
                                 + " SELECT ?, ?, ?, ?, ?, ?, 'pending' FROM DUAL WHERE NOT EXISTS"
                                 + " (SELECT 1 FROM send_item WHERE job_id = ? AND sop_instance_uid = ?)")) {
                job.setString(1, jobId);
                job.setString(2, destination);
                job.setString(3, studyUid);
                job.executeUpdate();
                for (SendItem i : items) {
                    row.setString(1, jobId);
                    row.setString(2, i.sopInstanceUid());
                    row.setString(3, targetUids.getOrDefault(i.sopInstanceUid(), i.sopInstanceUid()));
                    row.setString(4, i.seriesInstanceUid());
                    row.setString(5, i.sopClassUid());
                    row.setString(6, i.file().toString());
                    row.setString(7, jobId);
                    row.setString(8, i.sopInstanceUid());
                    row.addBatch();
                }
                row.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw new SendException("cannot write the send queue: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    /** Before a C-STORE: state sending, attempts + 1, committed. */
    public synchronized void markSending(String jobId, String sopInstanceUid) throws SendException {
        update("UPDATE send_item SET state = 'sending', attempts = attempts + 1, updated_at = CURRENT_TIMESTAMP"
                + " WHERE job_id = ? AND sop_instance_uid = ?", jobId, sopInstanceUid);
    }

    /** The PACS stored it (success or warning). */
    public synchronized void markSent(String jobId, String sopInstanceUid, String status, String warning)
            throws SendException {
        update("UPDATE send_item SET state = 'sent', acks = acks + 1, status = ?, reason = ?, updated_at = CURRENT_TIMESTAMP"
                + " WHERE job_id = ? AND sop_instance_uid = ?", status, truncate(warning), jobId, sopInstanceUid);
    }

    public synchronized void markFailed(String jobId, String sopInstanceUid, String status, String reason)
            throws SendException {
        update("UPDATE send_item SET state = 'failed', status = ?, reason = ?, updated_at = CURRENT_TIMESTAMP"
                + " WHERE job_id = ? AND sop_instance_uid = ?", status, truncate(reason), jobId, sopInstanceUid);
    }

    /** Back to pending after a network failure (the attempt stays counted). */
    public synchronized void markPending(String jobId, String sopInstanceUid, String reason) throws SendException {
        update("UPDATE send_item SET state = 'pending', reason = ?, updated_at = CURRENT_TIMESTAMP"
                + " WHERE job_id = ? AND sop_instance_uid = ?", truncate(reason), jobId, sopInstanceUid);
    }

    /** Found in the PACS before sending: not sent by this run. */
    public synchronized void markPresent(String jobId, String sopInstanceUid) throws SendException {
        update("UPDATE send_item SET state = 'present', updated_at = CURRENT_TIMESTAMP"
                + " WHERE job_id = ? AND sop_instance_uid = ? AND state IN ('pending', 'sending', 'failed')",
                jobId, sopInstanceUid);
    }

    public synchronized void setConfirmed(String jobId, String sopInstanceUid, boolean confirmed) throws SendException {
        try (PreparedStatement p = db.prepareStatement(
                "UPDATE send_item SET confirmed = ? WHERE job_id = ? AND sop_instance_uid = ?")) {
            p.setBoolean(1, confirmed);
            p.setString(2, jobId);
            p.setString(3, sopInstanceUid);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new SendException("cannot write the send queue: " + e.getMessage(), e);
        }
    }

    /**
     * Records the storage commitment outcome of an instance, found by the UID it was sent under.
     *
     * @param state  {@code requested}, {@code committed} or {@code failed}
     * @param reason the failure reason (4 hex digits) or why no answer came; empty otherwise
     */
    public synchronized void markCommitment(String jobId, String targetUid, String state, String reason)
            throws SendException {
        update("UPDATE send_item SET commitment = ?, commitment_reason = ?, updated_at = CURRENT_TIMESTAMP"
                + " WHERE job_id = ? AND target_uid = ?", state, truncate(reason), jobId, targetUid);
    }

    /** The storage commitment state of one instance: {@code state} as {@link #markCommitment}, and its reason (for a job: its summary). */
    public record Commitment(String state, String detail) {
    }

    /** Source SOP Instance UID to its storage commitment state and reason (state empty when never requested). */
    public synchronized java.util.Map<String, Commitment> commitmentDetails(String jobId) throws SendException {
        java.util.Map<String, Commitment> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement p = db.prepareStatement("SELECT sop_instance_uid, commitment, commitment_reason"
                + " FROM send_item WHERE job_id = ? ORDER BY series_uid, file")) {
            p.setString(1, jobId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), new Commitment(r.getString(2), r.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new SendException("cannot read the send queue: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Records the job's final storage commitment outcome (the last request's).
     *
     * @param state   a {@code StorageCommitmentAudit.State} code
     * @param summary one line for people
     */
    public synchronized void markJobCommitment(String jobId, String state, String summary) throws SendException {
        update("UPDATE send_job SET commitment = ?, commitment_summary = ? WHERE job_id = ?", state,
                truncate(summary), jobId);
    }

    /** The job's storage commitment state code and summary; state empty when never requested. */
    public synchronized Commitment jobCommitment(String jobId) throws SendException {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT commitment, commitment_summary FROM send_job WHERE job_id = ?")) {
            p.setString(1, jobId);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? new Commitment(r.getString(1), r.getString(2)) : new Commitment("", "");
            }
        } catch (SQLException e) {
            throw new SendException("cannot read the send queue: " + e.getMessage(), e);
        }
    }

    /** Source SOP Instance UID to its storage commitment state (empty string when never requested). */
    public synchronized java.util.Map<String, String> commitments(String jobId) throws SendException {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT sop_instance_uid, commitment FROM send_item WHERE job_id = ? ORDER BY series_uid, file")) {
            p.setString(1, jobId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new SendException("cannot read the send queue: " + e.getMessage(), e);
        }
        return out;
    }

    public synchronized List<QueueRow> rows(String jobId) throws SendException {
        List<QueueRow> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT job_id, sop_instance_uid, target_uid, series_uid,"
                + " sop_class_uid, file, state, status, reason, attempts, acks, confirmed FROM send_item WHERE job_id = ?"
                + " ORDER BY series_uid, file")) {
            p.setString(1, jobId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new QueueRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), ItemState.of(r.getString(7)), r.getString(8), r.getString(9), r.getInt(10),
                            r.getInt(11), r.getBoolean(12)));
                }
            }
        } catch (SQLException e) {
            throw new SendException("cannot read the send queue: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The jobs that sent any of these studies, oldest first. Studies are matched by the UID the medium gives them,
     * which each job keeps as its study UID, also when the study went to the destination under new UIDs.
     */
    public synchronized List<StudyJobSummary> jobsForStudies(Collection<String> studyUids) throws SendException {
        List<String> uids = List.copyOf(new java.util.LinkedHashSet<>(studyUids));
        List<StudyJobSummary> out = new ArrayList<>();
        for (int from = 0; from < uids.size(); from += 200) {
            List<String> chunk = uids.subList(from, Math.min(uids.size(), from + 200));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement p = db.prepareStatement("SELECT j.job_id, j.destination, j.study_uid, j.created_at,"
                    + " COALESCE(MAX(i.updated_at), j.created_at), COUNT(i.sop_instance_uid),"
                    + " COALESCE(SUM(CASE WHEN i.state = 'sent' THEN 1 ELSE 0 END), 0),"
                    + " COALESCE(SUM(CASE WHEN i.state = 'present' THEN 1 ELSE 0 END), 0),"
                    + " COALESCE(SUM(CASE WHEN i.state = 'failed' THEN 1 ELSE 0 END), 0),"
                    + " COALESCE(SUM(CASE WHEN i.state IN ('pending', 'sending') THEN 1 ELSE 0 END), 0),"
                    + " COALESCE(SUM(CASE WHEN i.confirmed THEN 1 ELSE 0 END), 0), j.commitment"
                    + " FROM send_job j LEFT JOIN send_item i ON i.job_id = j.job_id WHERE j.study_uid IN (" + marks + ")"
                    + " GROUP BY j.job_id, j.destination, j.study_uid, j.created_at, j.commitment")) {
                for (int i = 0; i < chunk.size(); i++) {
                    p.setString(i + 1, chunk.get(i));
                }
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new StudyJobSummary(r.getString(1), r.getString(2), r.getString(3),
                                r.getObject(4, java.time.OffsetDateTime.class), r.getObject(5, java.time.OffsetDateTime.class),
                                r.getInt(6), r.getInt(7), r.getInt(8), r.getInt(9), r.getInt(10), r.getInt(11),
                                r.getString(12)));
                    }
                }
            } catch (SQLException e) {
                throw new SendException("cannot read the send queue: " + e.getMessage(), e);
            }
        }
        out.sort(java.util.Comparator.comparing(StudyJobSummary::createdAt).thenComparing(StudyJobSummary::updatedAt));
        return out;
    }

    private void update(String sql, String... args) throws SendException {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            p.executeUpdate();
        } catch (SQLException e) {
            throw new SendException("cannot write the send queue: " + e.getMessage(), e);
        }
    }

    private static String truncate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException e) {
            // the original error is reported
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            // reported on next use
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing only
        }
    }
}
