package org.importdesk.app.ui.service;

import org.importdesk.engine.audit.AuditMessageWriter;
import org.importdesk.engine.audit.ImportAuditRecord;
import org.importdesk.engine.audit.StorageCommitmentAudit;
import org.importdesk.engine.dicom.DicomNetworkException;
import org.importdesk.engine.dicom.DicomNode;
import org.importdesk.engine.dicom.DicomQueryClient;
import org.importdesk.engine.reconcile.AccessionCheck;
import org.importdesk.engine.dicom.LocalArchiveScp;
import org.importdesk.engine.send.CoercionPlan;
import org.importdesk.engine.send.ItemState;
import org.importdesk.engine.send.QueueRow;
import org.importdesk.engine.send.SendItem;
import org.importdesk.engine.send.SendItems;
import org.importdesk.engine.send.SendOptions;
import org.importdesk.engine.send.SendQueue;
import org.importdesk.engine.send.SendException;
import org.importdesk.engine.send.SendReport;
import org.importdesk.engine.send.StorageCommitter;
import org.importdesk.engine.send.StudySender;
import org.importdesk.engine.send.StudyUidCollisionException;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends through the engine's durable queue: coerces to the local patient and the confirmed class, retries with
 * backoff, verifies with C-FIND, and writes the audit record. With no PACS configured it sends to the embedded
 * archive (a storage SCP on loopback filing into the local archive folder), started on first use.
 */
public final class EngineImportService implements ImportService, AutoCloseable {

    private static final String CLASS_SCHEME = "99IMPORTDESK";
    private final WorkstationSettings settings;
    private final Path dataDirectory;
    private final Duration giveUpAfter;
    private LocalArchiveScp archive;

    public EngineImportService(WorkstationSettings settings, Path dataDirectory, Duration giveUpAfter) {
        this.settings = settings;
        this.dataDirectory = dataDirectory;
        this.giveUpAfter = giveUpAfter;
    }

    public Path auditDirectory() {
        return dataDirectory.resolve("audit");
    }

    @Override
    public String destination() {
        return settings.current().defaultPacs().map(n -> n.spec())
                .orElse("embedded archive in " + settings.current().localArchive());
    }

    private synchronized DicomNode node() throws IOException {
        var pacs = settings.current().defaultPacs();
        if (pacs.isPresent()) {
            return ConfiguredNodes.of(pacs.get(), settings.current());
        }
        if (archive == null) {
            archive = LocalArchiveScp.start(settings.current().localArchive(), "LOCALARCHIVE", 0);
        }
        return archive.node();
    }

    @Override
    public Result send(Request request, Progress progress) throws Exception {
        boolean toPacs = !settings.current().usesLocalArchive();
        DicomNode node = node();
        List<SendItem> items = SendItems.of(request.study());
        ReconciliationService.Candidate p = request.patient();
        var external = request.externalPatient();
        List<String> notes = new ArrayList<>();
        String accession = accessionToFile(node, request, notes);
        CoercionPlan plan = new CoercionPlan(p.patientId(), p.issuer(), blankToNull(p.name()), blankToNull(p.birthDate()),
                blankToNull(p.sex()), accession, request.classCode(), request.className(), CLASS_SCHEME,
                true, true, external.patientId(), external.issuerOfPatientId(), "ImportDesk");
        SendOptions options = SendOptions.defaults(settings.current().stationAeTitle()).withGiveUpAfter(giveUpAfter);
        int total = items.size();
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        progress.update(0, 0, total, 0, "");
        try (SendQueue queue = SendQueue.open(dataDirectory)) {
            StudySender sender = new StudySender(queue, options, new StudySender.SendListener() {
                @Override
                public void sent(QueueRow row, int n, int all) {
                    done.set(n);
                    progress.update(n, 0, all, retries.get(), "");
                }

                @Override
                public void networkFailure(String message, long backoffMillis) {
                    progress.update(done.get(), 0, total, retries.incrementAndGet(),
                            message + "; next try in " + Math.max(1, backoffMillis / 1000) + " s");
                }
            });
            SendReport report;
            try {
                report = sender.send(node, request.study().studyInstanceUid(), items, plan);
            } catch (StudyUidCollisionException e) {
                audit(request, accession, node, items, 0, 0, 0, total);
                return new Result(Outcome.FAILED, 0, 0, 0, total, retries.get(), List.of(e.getMessage()), node.toString());
            }
            int sent = (int) report.count(ItemState.SENT);
            int present = (int) report.count(ItemState.PRESENT);
            int failed = (int) report.count(ItemState.FAILED);
            List<String> problems = new ArrayList<>(notes);
            problems.addAll(report.warnings());
            report.missing().stream().limit(20).forEach(r -> problems.add("missing " + r.sopInstanceUid()
                    + (r.reason().isEmpty() ? "" : ": " + r.reason())));
            StorageCommitmentAudit commitment = StorageCommitmentAudit.notRequested();
            var commitmentSettings = settings.current().commitment();
            if (report.complete() && commitmentSettings.enabled() && toPacs) {
                progress.update(done.get(), 0, total, retries.get(), "waiting for storage commitment");
                commitment = commit(queue, node, report.jobId(), commitmentSettings);
                commitment.failures().entrySet().stream().limit(20).forEach(f -> problems.add("not committed "
                        + f.getKey() + ": " + StorageCommitmentAudit.reasonText(f.getValue())));
                if (commitment.outcomeIndicator() != 0) {
                    problems.add(0, commitment.summary());
                }
            }
            audit(request, accession, node, items, sent, present, failed, report.missing().size(), commitment);
            Outcome outcome = report.complete() ? Outcome.COMPLETE : sent + present > 0 ? Outcome.PARTIAL : Outcome.FAILED;
            // failed instances are also missing ones: count each missing instance once
            return new Result(outcome, sent, present, Math.max(failed, report.missing().size()), total, retries.get(),
                    problems, node.toString(), commitment);
        }
    }

    /** N-ACTION to the PACS, its report received on the configured port (all interfaces: the PACS is remote). */
    private StorageCommitmentAudit commit(SendQueue queue, DicomNode pacs, String jobId,
                                          org.importdesk.engine.config.StorageCommitmentSettings c) {
        String aet = settings.current().stationAeTitle();
        try (LocalArchiveScp listener = org.importdesk.engine.send.CommitmentListener.open(aet,
                new java.net.InetSocketAddress(0).getAddress(), c.port().getAsInt(), pacs.tls(),
                settings.current().tls())) {
            return new StorageCommitter(queue, aet, listener).commit(pacs, jobId, c.timeout()).audit();
        } catch (IOException | SendException e) {
            return StorageCommitmentAudit.requestFailed(e.getMessage());
        }
    }

    /**
     * The accession number the study is filed under: the order's when the confirmed patient came with one; otherwise
     * the disc's, unless the archive already uses it for another study (then cleared; the original stays in the
     * Original Attributes Sequence), as the import command does. Null keeps the disc's value untouched.
     */
    private String accessionToFile(DicomNode node, Request request, List<String> notes) {
        String chosen = blankToNull(request.patient().accession());
        String disc = request.study().accessionNumber() == null ? "" : request.study().accessionNumber().trim();
        boolean fromOrder = chosen != null && !chosen.equals(disc);
        if (fromOrder || disc.isEmpty()) {
            return chosen;
        }
        try {
            List<String> clash = new AccessionCheck(new DicomQueryClient(settings.current().stationAeTitle()))
                    .collisions(node, disc, request.study().studyInstanceUid());
            if (!clash.isEmpty()) {
                notes.add("the disc's accession number " + disc + " is already used by " + clash.size()
                        + " other study(ies) in " + node + ": cleared (the original is kept in Original Attributes Sequence)");
                return "";
            }
        } catch (DicomNetworkException e) {
            notes.add("accession number check not possible: " + e.getMessage());
        }
        return chosen;
    }

    @Override
    public Map<String, ImportMark> marks(java.util.Collection<String> studyUids) throws Exception {
        if (studyUids.isEmpty() || !java.nio.file.Files.exists(dataDirectory.resolve("send-queue.mv.db"))) {
            return Map.of();
        }
        Map<String, List<org.importdesk.engine.send.StudyJobSummary>> byStudy = new java.util.HashMap<>();
        try (SendQueue queue = SendQueue.open(dataDirectory)) {
            for (var job : queue.jobsForStudies(studyUids)) {
                byStudy.computeIfAbsent(job.studyUid(), k -> new ArrayList<>()).add(job);
            }
        }
        Map<String, ImportMark> out = new java.util.HashMap<>();
        byStudy.forEach((uid, jobs) -> out.put(uid, ImportMark.fromJobs(jobs)));
        return out;
    }

    /** @param accession the accession number the study was filed under; null when the disc's was kept */
    private void audit(Request request, String accession, DicomNode node, List<SendItem> items, int sent, int present, int failed, int missing)
            throws IOException {
        audit(request, accession, node, items, sent, present, failed, missing, StorageCommitmentAudit.notRequested());
    }

    private void audit(Request request, String accession, DicomNode node, List<SendItem> items, int sent, int present,
                       int failed, int missing, StorageCommitmentAudit commitment) throws IOException {
        Map<String, Integer> bySopClass = new TreeMap<>();
        items.forEach(i -> bySopClass.merge(i.sopClassUid(), 1, Integer::sum));
        var external = request.externalPatient();
        var local = request.patient();
        ImportAuditRecord record = new ImportAuditRecord(OffsetDateTime.now(), request.user(), host(), request.medium(),
                external.patientId(), external.issuerOfPatientId(), external.patientName(), local.patientId(),
                local.issuer(), local.name(), request.study().studyInstanceUid(),
                accession == null ? request.study().accessionNumber() : accession, node.toString(),
                request.proposedClass(), request.classCode(), bySopClass, sent, present, failed, missing, commitment);
        new AuditMessageWriter().store(record, auditDirectory());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public synchronized void close() {
        if (archive != null) {
            archive.close();
            archive = null;
        }
    }
}
