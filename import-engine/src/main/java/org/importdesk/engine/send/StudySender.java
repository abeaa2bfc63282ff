package org.importdesk.engine.send;

import org.importdesk.engine.dicom.DicomAttributes;
import org.importdesk.engine.dicom.DicomInstance;
import org.importdesk.engine.dicom.DicomNetworkException;
import org.importdesk.engine.dicom.DicomNode;
import org.importdesk.engine.dicom.DicomQuery;
import org.importdesk.engine.dicom.DicomQueryClient;
import org.importdesk.engine.dicom.DicomReadException;
import org.importdesk.engine.dicom.DicomTag;
import org.importdesk.engine.dicom.DimseAssociation;
import org.importdesk.engine.dicom.DimseStatus;
import org.importdesk.engine.dicom.PresentationContext;
import org.importdesk.engine.dicom.TransferSyntaxes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends one study through the durable queue: writes every instance to the queue, asks the PACS what it already has,
 * sends only what is missing (coerced, in the instance's own transfer syntax when accepted), retries with backoff when
 * the PACS is down, and verifies per series with C-FIND afterwards.
 */
public final class StudySender {
    private static final Logger LOG = LoggerFactory.getLogger(StudySender.class);

    private final SendQueue queue;
    private final SendOptions options;
    private final SendListener listener;
    private final DicomQueryClient finder;

    public StudySender(SendQueue queue, SendOptions options, SendListener listener) {
        this.queue = queue;
        this.options = options;
        this.listener = listener == null ? SendListener.NONE : listener;
        this.finder = new DicomQueryClient(options.callingAet(), options.connectTimeoutMs(), options.readTimeoutMs());
    }

    /** Called as the send goes on; for progress display and tests. Called from worker threads. */
    public interface SendListener {
        SendListener NONE = new SendListener() {
        };

        default void sent(QueueRow row, int done, int total) {
        }

        default void networkFailure(String message, long backoffMillis) {
        }
    }

    /**
     * A stable job id for sending this study to this node under this local patient, with or without new UIDs: a
     * rerun of the same import finds its rows again; another choice is another job.
     */
    public static String jobId(DicomNode node, String studyUid, String localPatientId, boolean newUids) {
        return CoercionPlan.derivedUid(node + "|" + localPatientId + "|" + (newUids ? "new-uids" : "same-uids"), studyUid)
                .substring(5, 37);
    }

    public String jobId(DicomNode node, String studyUid, CoercionPlan plan) {
        return jobId(node, studyUid, plan.localPatientId(), options.newUids());
    }

    public SendReport send(DicomNode node, String studyUid, List<SendItem> items, CoercionPlan plan)
            throws SendException {
        String jobId = jobId(node, studyUid, plan);
        Map<String, String> uidMap = options.newUids() ? newUidMap(jobId, studyUid, items) : Map.of();
        String targetStudy = uidMap.getOrDefault(studyUid, studyUid);
        Map<String, String> targetUids = new HashMap<>();
        Map<String, String> targetSeries = new LinkedHashMap<>();
        for (SendItem i : items) {
            targetUids.put(i.sopInstanceUid(), uidMap.getOrDefault(i.sopInstanceUid(), i.sopInstanceUid()));
            targetSeries.put(i.seriesInstanceUid(), uidMap.getOrDefault(i.seriesInstanceUid(), i.seriesInstanceUid()));
        }
        queue.enqueue(jobId, node.toString(), studyUid, items, targetUids);
        Map<String, SendItem> bySop = new HashMap<>();
        items.forEach(i -> bySop.put(i.sopInstanceUid(), i));

        RetryClock clock = new RetryClock();
        // 1. what does the PACS already have?
        Optional<Set<String>> existing = retrying(clock, () -> existingInstances(node, targetStudy, plan,
                targetSeries.values()));
        List<String> warnings = new ArrayList<>();
        int presentBefore = 0;
        if (existing.isEmpty()) {
            warnings.add("the PACS refused C-FIND: cannot check what it already has; sending everything not yet acknowledged");
        } else {
            for (QueueRow r : queue.rows(jobId)) {
                if (r.state() != ItemState.SENT && existing.get().contains(r.targetUid())) {
                    queue.markPresent(jobId, r.sopInstanceUid());
                    presentBefore++;
                }
            }
        }

        // 2. send what is missing
        List<QueueRow> toSend = queue.rows(jobId).stream()
                .filter(r -> r.state() == ItemState.PENDING || r.state() == ItemState.SENDING
                        || r.state() == ItemState.FAILED)
                .filter(r -> bySop.containsKey(r.sopInstanceUid()))
                .toList();
        boolean gaveUp = false;
        if (!toSend.isEmpty()) {
            gaveUp = sendAll(node, jobId, toSend, bySop, plan, uidMap, clock);
        }

        // 3. verify per series
        Optional<Set<String>> after = Optional.empty();
        try {
            after = retrying(gaveUp ? new RetryClock(0) : clock,
                    () -> existingInstances(node, targetStudy, null, targetSeries.values()));
        } catch (SendException e) {
            warnings.add("verification failed: " + e.getMessage());
        }
        if (after.isEmpty()) {
            warnings.add("could not verify with C-FIND after sending: instances are not confirmed");
        }
        Map<String, int[]> perSeries = new TreeMap<>();
        for (QueueRow r : queue.rows(jobId)) {
            if (!bySop.containsKey(r.sopInstanceUid())) {
                continue;
            }
            boolean found = after.isPresent() && after.get().contains(r.targetUid());
            queue.setConfirmed(jobId, r.sopInstanceUid(), found);
            int[] c = perSeries.computeIfAbsent(r.seriesInstanceUid(), k -> new int[2]);
            c[0]++;
            if (found) {
                c[1]++;
            }
        }
        List<QueueRow> rows = queue.rows(jobId).stream().filter(r -> bySop.containsKey(r.sopInstanceUid())).toList();
        return new SendReport(jobId, node, studyUid, targetStudy, rows, presentBefore, perSeries, gaveUp, after.isPresent(),
                warnings);
    }

    private static Map<String, String> newUidMap(String jobId, String studyUid, List<SendItem> items) {
        Map<String, String> m = new HashMap<>();
        m.put(studyUid, CoercionPlan.derivedUid(jobId, studyUid));
        for (SendItem i : items) {
            m.put(i.seriesInstanceUid(), CoercionPlan.derivedUid(jobId, i.seriesInstanceUid()));
            m.put(i.sopInstanceUid(), CoercionPlan.derivedUid(jobId, i.sopInstanceUid()));
        }
        return m;
    }

    /**
     * The SOP Instance UIDs the PACS has in the study, or empty when it refuses C-FIND. With a plan, stops when the
     * study is there under another Patient ID.
     */
    private Optional<Set<String>> existingInstances(DicomNode node, String studyUid, CoercionPlan plan,
                                                    Iterable<String> series) throws DicomNetworkException, SendException {
        List<DicomAttributes> studies;
        try {
            studies = finder.find(node, DicomQueryClient.STUDY_ROOT_FIND, DicomQuery.level("STUDY")
                    .key(DicomTag.STUDY_INSTANCE_UID, studyUid).returnKey(DicomTag.PATIENT_ID, DicomTag.ISSUER_OF_PATIENT_ID));
        } catch (DicomNetworkException e) {
            if (e.isTransient()) {
                throw e;
            }
            LOG.warn("C-FIND refused by {}: {}", node, e.getMessage());
            return Optional.empty();
        }
        Set<String> found = new HashSet<>();
        if (studies.isEmpty()) {
            return Optional.of(found);
        }
        if (plan != null && plan.localPatientId() != null) {
            for (DicomAttributes s : studies) {
                String pid = s.string(DicomTag.PATIENT_ID);
                if (!pid.isEmpty() && !pid.equals(plan.localPatientId())) {
                    throw new StudyUidCollisionException(studyUid);
                }
            }
        }
        for (String seriesUid : series) {
            List<DicomAttributes> images = finder.find(node, DicomQueryClient.STUDY_ROOT_FIND, DicomQuery.level("IMAGE")
                    .key(DicomTag.STUDY_INSTANCE_UID, studyUid).key(DicomTag.SERIES_INSTANCE_UID, seriesUid)
                    .returnKey(DicomTag.SOP_INSTANCE_UID));
            for (DicomAttributes a : images) {
                found.add(a.string(DicomTag.SOP_INSTANCE_UID));
            }
        }
        return Optional.of(found);
    }

    @FunctionalInterface
    private interface NetworkAction<T> {
        T run() throws DicomNetworkException, SendException;
    }

    /** Gives up when nothing went through for {@link SendOptions#giveUpAfter()}. */
    private final class RetryClock {
        private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        private final long limitNanos;

        RetryClock() {
            this(options.giveUpAfter().toNanos());
        }

        RetryClock(long limitNanos) {
            this.limitNanos = limitNanos;
        }

        void progress() {
            lastProgress.set(System.nanoTime());
        }

        boolean expired() {
            return System.nanoTime() - lastProgress.get() > limitNanos;
        }
    }

    private <T> T retrying(RetryClock clock, NetworkAction<T> action) throws SendException {
        long backoff = options.firstBackoff().toMillis();
        while (true) {
            try {
                T t = action.run();
                clock.progress();
                return t;
            } catch (DicomNetworkException e) {
                if (!e.isTransient() || clock.expired()) {
                    throw new SendException(e.getMessage(), e);
                }
                listener.networkFailure(e.getMessage(), backoff);
                LOG.info("{}; retrying in {} ms", e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, options.maxBackoff().toMillis());
            }
        }
    }

    /** Returns whether it gave up (rows left pending or sending). */
    private boolean sendAll(DicomNode node, String jobId, List<QueueRow> toSend, Map<String, SendItem> bySop,
                            CoercionPlan plan, Map<String, String> uidMap, RetryClock clock) throws SendException {
        List<PresentationContext> contexts = contexts(toSend.stream().map(r -> bySop.get(r.sopInstanceUid())).toList());
        ConcurrentLinkedQueue<QueueRow> work = new ConcurrentLinkedQueue<>(toSend);
        AtomicBoolean giveUp = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        int workers = Math.min(options.associations(), toSend.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "send-" + node.aeTitle());
            t.setDaemon(true);
            return t;
        });
        OffsetDateTime when = OffsetDateTime.now();
        List<Future<Void>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                worker(node, jobId, work, bySop, plan.coercion(when, uidMap), contexts, clock, giveUp, done,
                        toSend.size());
                return null;
            }));
        }
        pool.shutdown();
        SendException first = null;
        for (Future<Void> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof SendException s ? s : new SendException(String.valueOf(e.getCause()), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SendException("interrupted", e);
            }
        }
        if (first != null) {
            throw first;
        }
        return giveUp.get() || !work.isEmpty();
    }

    /** An instance read and coerced ahead of its C-STORE, or why it could not be. */
    private record Prepared(DicomInstance instance, DicomReadException error) {
    }

    private static Prepared prepare(SendItem item, org.importdesk.engine.dicom.InstanceCoercion coercion) {
        try {
            DicomInstance instance = DicomInstance.read(item.file());
            instance.coerce(coercion);
            return new Prepared(instance, null);
        } catch (DicomReadException e) {
            return new Prepared(null, e);
        }
    }

    /**
     * One association. The next instance is read and coerced on a helper thread while the current one is on the
     * wire, so file reading and coercion overlap the PACS's round trip.
     */
    private void worker(DicomNode node, String jobId, ConcurrentLinkedQueue<QueueRow> work, Map<String, SendItem> bySop,
                        org.importdesk.engine.dicom.InstanceCoercion coercion, List<PresentationContext> contexts,
                        RetryClock clock, AtomicBoolean giveUp, AtomicLong done, int total) throws SendException {
        DimseAssociation association = null;
        long backoff = options.firstBackoff().toMillis();
        ExecutorService prep = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "prepare-" + node.aeTitle());
            t.setDaemon(true);
            return t;
        });
        QueueRow ahead = null;
        Future<Prepared> aheadPrepared = null;
        try {
            while (!giveUp.get()) {
                QueueRow row;
                Future<Prepared> prepared;
                if (ahead != null) {
                    row = ahead;
                    prepared = aheadPrepared;
                    ahead = null;
                    aheadPrepared = null;
                } else {
                    row = work.poll();
                    if (row == null) {
                        break;
                    }
                    SendItem first = bySop.get(row.sopInstanceUid());
                    prepared = prep.submit(() -> prepare(first, coercion));
                }
                QueueRow next = work.poll();
                if (next != null) {
                    SendItem nextItem = bySop.get(next.sopInstanceUid());
                    ahead = next;
                    aheadPrepared = prep.submit(() -> prepare(nextItem, coercion));
                }
                SendItem item = bySop.get(row.sopInstanceUid());
                try {
                    if (association == null) {
                        association = DimseAssociation.open(node, options.callingAet(), contexts,
                                options.connectTimeoutMs(), options.readTimeoutMs());
                    }
                    QueueRow result = sendOne(association, jobId, row, item, await(prepared), coercion);
                    clock.progress();
                    backoff = options.firstBackoff().toMillis();
                    listener.sent(result, (int) done.incrementAndGet(), total);
                } catch (DicomNetworkException e) {
                    if (association != null) {
                        association.abort();
                        association = null;
                    }
                    work.add(row);
                    if (!e.isTransient()) {
                        giveUp.set(true);
                        throw new SendException(e.getMessage(), e);
                    }
                    queue.markPending(jobId, row.sopInstanceUid(), e.getMessage());
                    if (clock.expired()) {
                        giveUp.set(true);
                        break;
                    }
                    listener.networkFailure(e.getMessage(), backoff);
                    LOG.info("{}; retrying in {} ms", e.getMessage(), backoff);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, options.maxBackoff().toMillis());
                }
            }
        } finally {
            if (ahead != null) {
                work.add(ahead);
            }
            prep.shutdownNow();
            if (association != null) {
                association.release();
            }
        }
    }

    private static Prepared await(Future<Prepared> f) throws SendException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new SendException("preparing an instance failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException("interrupted", e);
        }
    }

    private QueueRow sendOne(DimseAssociation association, String jobId, QueueRow row, SendItem item,
                             Prepared prepared, org.importdesk.engine.dicom.InstanceCoercion coercion)
            throws DicomNetworkException, SendException {
        if (prepared.error() != null) {
            queue.markFailed(jobId, row.sopInstanceUid(), "", "cannot read " + item.file() + ": "
                    + prepared.error().getMessage());
            return withState(row, ItemState.FAILED);
        }
        DicomInstance instance = prepared.instance();
        List<String> accepted = association.acceptedTransferSyntaxes(instance.sopClassUid());
        String ts = null;
        if (accepted.contains(instance.transferSyntaxUid())) {
            ts = instance.transferSyntaxUid();
        } else {
            for (String a : accepted) {
                if (instance.canWriteIn(a)) {
                    ts = a;
                    break;
                }
            }
        }
        if (ts == null && accepted.stream().anyMatch(TransferSyntaxes::isNative)) {
            try {
                instance = DicomInstance.readDecompressed(item.file());
                instance.coerce(coercion);
                ts = accepted.stream().filter(TransferSyntaxes::isNative).findFirst().orElseThrow();
            } catch (DicomReadException e) {
                queue.markFailed(jobId, row.sopInstanceUid(), "", "cannot decompress for a PACS that accepts only "
                        + "uncompressed data: " + e.getMessage());
                return withState(row, ItemState.FAILED);
            }
        }
        if (ts == null) {
            queue.markFailed(jobId, row.sopInstanceUid(), "", "the PACS accepts no transfer syntax for SOP class "
                    + instance.sopClassUid());
            return withState(row, ItemState.FAILED);
        }
        DicomInstance toSend = instance;
        String chosen = ts;
        queue.markSending(jobId, row.sopInstanceUid());
        DimseStatus status = association.store(toSend.sopClassUid(), toSend.sopInstanceUid(), chosen,
                out -> toSend.writeDataSet(out, chosen));
        if (status.stored()) {
            queue.markSent(jobId, row.sopInstanceUid(), status.hex(), status.warning() ? "warning: " + status : "");
            return withState(row, ItemState.SENT);
        }
        queue.markFailed(jobId, row.sopInstanceUid(), status.hex(), "refused by the PACS: " + status);
        return withState(row, ItemState.FAILED);
    }

    private static QueueRow withState(QueueRow r, ItemState s) {
        return new QueueRow(r.jobId(), r.sopInstanceUid(), r.targetUid(), r.seriesInstanceUid(), r.sopClassUid(),
                r.file(), s, r.status(), r.reason(), r.attempts(), r.acks(), r.confirmed());
    }

    /** One context per SOP class with its own native syntaxes and explicit/implicit LE; compressed ones apart. */
    static List<PresentationContext> contexts(List<SendItem> items) {
        Map<String, Set<String>> nativeBySop = new LinkedHashMap<>();
        Map<String, Set<String>> compressedBySop = new LinkedHashMap<>();
        for (SendItem i : items) {
            String ts = i.transferSyntaxUid() == null || i.transferSyntaxUid().isBlank()
                    ? TransferSyntaxes.EXPLICIT_LE : i.transferSyntaxUid();
            nativeBySop.computeIfAbsent(i.sopClassUid(), k -> new LinkedHashSet<>());
            if (TransferSyntaxes.isNative(ts)) {
                nativeBySop.get(i.sopClassUid()).add(ts);
            } else {
                compressedBySop.computeIfAbsent(i.sopClassUid(), k -> new LinkedHashSet<>()).add(ts);
            }
        }
        List<PresentationContext> out = new ArrayList<>();
        int id = 1;
        for (Map.Entry<String, Set<String>> e : nativeBySop.entrySet()) {
            for (String c : compressedBySop.getOrDefault(e.getKey(), Set.of())) {
                out.add(new PresentationContext(id, e.getKey(), List.of(c)));
                id += 2;
            }
            Set<String> ts = new LinkedHashSet<>(e.getValue());
            ts.add(TransferSyntaxes.EXPLICIT_LE);
            ts.add(TransferSyntaxes.IMPLICIT_LE);
            out.add(new PresentationContext(id, e.getKey(), List.copyOf(ts)));
            id += 2;
            if (id > 255) {
                throw new IllegalArgumentException("more than 128 presentation contexts needed");
            }
        }
        return out;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For the CLI and the UI: the file of a row as a path. */
    public static Path file(QueueRow r) {
        return Path.of(r.file());
    }
}
