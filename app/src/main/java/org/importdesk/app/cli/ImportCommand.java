package org.importdesk.app.cli;

import org.importdesk.engine.audit.AuditMessageWriter;
import org.importdesk.engine.audit.ImportAuditRecord;
import org.importdesk.engine.audit.StorageCommitmentAudit;
import org.importdesk.engine.dicom.DicomAttributes;
import org.importdesk.engine.dicom.DicomNetworkException;
import org.importdesk.engine.dicom.DicomNode;
import org.importdesk.engine.dicom.DicomQueryClient;
import org.importdesk.engine.dicom.DicomTag;
import org.importdesk.engine.dicom.LocalArchiveScp;
import org.importdesk.engine.media.FileStatus;
import org.importdesk.engine.media.MediumException;
import org.importdesk.engine.media.MediumReader;
import org.importdesk.engine.media.MediumScan;
import org.importdesk.engine.media.PatientRecord;
import org.importdesk.engine.media.StudyRecord;
import org.importdesk.engine.reconcile.AccessionCheck;
import org.importdesk.engine.reconcile.CandidateScorer;
import org.importdesk.engine.reconcile.Demographics;
import org.importdesk.engine.reconcile.Reconciler;
import org.importdesk.engine.reconcile.Reconciliation;
import org.importdesk.engine.reconcile.ScoredCandidate;
import org.importdesk.engine.send.CoercionPlan;
import org.importdesk.engine.send.CommitmentListener;
import org.importdesk.engine.send.ItemState;
import org.importdesk.engine.send.QueueRow;
import org.importdesk.engine.send.SendException;
import org.importdesk.engine.send.SendItem;
import org.importdesk.engine.send.SendItems;
import org.importdesk.engine.send.SendOptions;
import org.importdesk.engine.send.SendQueue;
import org.importdesk.engine.send.SendReport;
import org.importdesk.engine.send.StorageCommitter;
import org.importdesk.engine.send.StudySender;
import org.importdesk.engine.send.StudyUidCollisionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Reconcile, coerce and send one study of a medium to PACS through the durable send queue.",
                "Prints one row per instance with its final state. Exit 0 only when every instance of the study is"
                        + " confirmed in the PACS (C-FIND after sending); 1 otherwise; 2 for usage errors.",
                "A rerun of the same import resumes: acknowledged instances are not sent again."})
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "The medium (or a folder of it).")
    Path path;

    @Option(names = "--study", required = true, paramLabel = "UID", description = "Study Instance UID to import.")
    String studyUid;

    @Option(names = "--class", required = true, paramLabel = "CODE", description = "The confirmed class code.")
    String classCode;

    @Option(names = "--class-name", paramLabel = "TEXT",
            description = "Display name of the class (Study Description); default: the code.")
    String className;

    @Option(names = "--class-scheme", defaultValue = "99IMPORTDESK",
            description = "Coding Scheme Designator of the class code in Procedure Code Sequence (default ${DEFAULT-VALUE}).")
    String classScheme;

    @Option(names = "--keep-description", description = "Do not replace Study Description with the class name.")
    boolean keepDescription;

    @Option(names = "--patient-id", required = true, paramLabel = "ID", description = "Local Patient ID.")
    String patientId;

    @Option(names = "--issuer", required = true, paramLabel = "ISSUER", description = "Local Issuer of Patient ID.")
    String issuer;

    @Option(names = "--patient-name", paramLabel = "N", description = "Local Patient's Name (Family^Given).")
    String patientName;

    @Option(names = "--birth-date", paramLabel = "D", description = "Local birth date YYYYMMDD.")
    String birthDate;

    @Option(names = "--sex", paramLabel = "M|F|O")
    String sex;

    @Option(names = "--accession", paramLabel = "A", description = "Accession number (default: from the matched order).")
    String accession;

    @Option(names = "--to", required = true, paramLabel = "AET@HOST:PORT",
            description = "The PACS; \"local\" files into the embedded archive (DATA-DIR/archive) through a storage SCP on loopback.")
    String toText;

    DicomNode to;

    @Option(names = "--worklist", paramLabel = "AET@HOST:PORT", converter = DicomNodeConverter.class,
            description = "Worklist to find the import order in (its accession number is used).")
    DicomNode worklist;

    @Option(names = "--format", defaultValue = "text", description = "text or tsv (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--associations", defaultValue = "2", description = "Parallel associations (default ${DEFAULT-VALUE}).")
    int associations;

    @Option(names = "--give-up-after", defaultValue = "300", paramLabel = "SECONDS",
            description = "Stop retrying when nothing went through for this long (default ${DEFAULT-VALUE}).")
    int giveUpAfter;

    @Option(names = "--new-uids", description = "Send under new UIDs (when the PACS holds this Study UID under another patient).")
    boolean newUids;

    @Option(names = "--storage-commitment", paramLabel = "PORT",
            description = "After sending, ask the PACS for storage commitment and receive its report on PORT (the PACS"
                    + " must know our calling AE title at this host and port); exit 1 unless every instance is committed.")
    Integer commitmentPort;

    @Option(names = "--commitment-bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address the storage commitment listener binds to (default ${DEFAULT-VALUE}).")
    String commitmentBind;

    @Option(names = "--commitment-wait", defaultValue = "60", paramLabel = "SECONDS",
            description = "How long to wait for the storage commitment report (default ${DEFAULT-VALUE}).")
    int commitmentWait;

    @Option(names = "--calling-aet", defaultValue = "IMPORTDESK")
    String callingAet;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Queue database, audit records and the embedded archive (default: $IMPORTDESK_DATA, else the user data folder).")
    Path dataDir;

    @Option(names = "--proposed-class", paramLabel = "CODE", description = "The class MOMO proposed (for the audit).")
    String proposedClass;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (!format.equals("text") && !format.equals("tsv")) {
            err.println("--format must be text or tsv");
            return 2;
        }
        if (!Files.isDirectory(path) && !Files.isRegularFile(path)) {
            err.println("no such medium or folder: " + path);
            return 2;
        }
        Path data = dataDir != null ? dataDir : defaultDataDir();
        LocalArchiveScp localArchive = null;
        try {
            if (toText.equals("local")) {
                localArchive = LocalArchiveScp.start(data.resolve("archive"), "LOCALARCHIVE", 0);
                to = localArchive.node();
            } else {
                to = DicomNode.parse(toText);
            }
        } catch (IllegalArgumentException e) {
            err.println("--to: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("cannot start the embedded archive: " + e.getMessage());
            return 1;
        }
        if (to.tls() || worklist != null && worklist.tls()) {
            Optional<String> tls = ClientTls.fromConfiguration();
            if (tls.isPresent()) {
                err.println(tls.get());
                return 1;
            }
        }
        try {
            return importStudy(data, err);
        } finally {
            if (localArchive != null) {
                localArchive.close();
            }
        }
    }

    private int importStudy(Path data, PrintStream err) {
        long t0 = System.nanoTime();
        MediumScan scan;
        try {
            scan = new MediumReader().read(path);
        } catch (MediumException e) {
            err.println("cannot read the medium: " + e.getMessage());
            return 1;
        }
        try (scan) {
            return importStudy(scan, data, err, t0);
        } catch (IOException e) {
            err.println("cannot close the medium: " + e.getMessage());
            return 1;
        }
    }

    private int importStudy(MediumScan scan, Path data, PrintStream err, long t0) {
        Optional<StudyRecord> study = scan.study(studyUid);
        if (study.isEmpty()) {
            err.println("study " + studyUid + " is not on " + path + " (" + scan.studies().size() + " studies found)");
            return 1;
        }
        if (!scan.complete()) {
            err.println("the medium was not read completely; nothing is sent");
            return 1;
        }
        scan.health().warnings().forEach(w -> err.println("medium: " + w));
        if (!scan.health().unreadable().isEmpty() || scan.health().count(FileStatus.MISSING) > 0) {
            err.println("medium: " + scan.health().unreadable().size() + " unreadable and "
                    + scan.health().count(FileStatus.MISSING) + " missing files (see `importdesk scan`);"
                    + " only readable instances can be sent");
        }
        // instances the DICOMDIR lists for this study but that cannot be read: the study cannot arrive complete
        List<String> lost = scan.files().stream().filter(f -> !f.status().usable())
                .map(f -> scan.reference(f)).flatMap(Optional::stream)
                .filter(r -> studyUid.equals(r.studyInstanceUid())).map(r -> r.referencedFileId()).toList();
        lost.forEach(f -> err.println("medium: an instance of this study cannot be read: " + f));
        List<SendItem> items = SendItems.of(study.get());
        PatientRecord patient = scan.patientOf(study.get()).orElse(null);
        Demographics external = patient == null ? new Demographics("", "", "", "", "")
                : new Demographics(patient.patientId(), patient.issuerOfPatientId(), patient.patientName(),
                patient.birthDate(), patient.sex());
        String externalAccession = study.get().accessionNumber() == null ? "" : study.get().accessionNumber();
        DicomQueryClient client = new DicomQueryClient(callingAet);

        String chosenAccession = accession;
        if (worklist != null && chosenAccession == null) {
            chosenAccession = accessionFromWorklist(client, external, err).orElse(null);
        }
        if (chosenAccession == null && !externalAccession.isEmpty()) {
            try {
                List<String> clash = new AccessionCheck(client).collisions(to, externalAccession, studyUid);
                if (!clash.isEmpty()) {
                    err.println("FLAG: the medium's accession number is already used by " + clash.size()
                            + " other study(ies) in the PACS; it is cleared (the original stays in Original Attributes Sequence)");
                    chosenAccession = "";
                }
            } catch (DicomNetworkException e) {
                err.println("warning: accession check not possible: " + e.getMessage());
            }
        }
        String display = className == null || className.isBlank() ? classCode : className;
        CoercionPlan plan = new CoercionPlan(patientId, issuer, patientName, birthDate, sex, chosenAccession, classCode,
                display, classScheme, !keepDescription, true, external.patientId(), external.issuer(),
                "ImportDesk");
        SendOptions options = SendOptions.defaults(callingAet).withAssociations(associations)
                .withGiveUpAfter(Duration.ofSeconds(giveUpAfter)).withNewUids(newUids);
        int total = items.size();
        try (SendQueue queue = SendQueue.open(data)) {
            StudySender sender = new StudySender(queue, options, new StudySender.SendListener() {
                @Override
                public void sent(QueueRow row, int done, int all) {
                    if (done % 50 == 0 || done == all) {
                        err.printf("sent %d/%d%n", done, all);
                    }
                }

                @Override
                public void networkFailure(String message, long backoffMillis) {
                    err.printf("network: %s; retrying in %d ms%n", message, backoffMillis);
                }
            });
            SendReport report;
            long t1 = System.nanoTime();
            try {
                report = sender.send(to, studyUid, items, plan);
            } catch (StudyUidCollisionException e) {
                err.println("STOP: " + e.getMessage());
                return 1;
            } catch (SendException e) {
                err.println("send failed: " + e.getMessage());
                String job = sender.jobId(to, studyUid, plan);
                printRows(queue.rows(job), queue.commitmentDetails(job));
                audit(data, external, plan, items, queue.rows(job), StorageCommitmentAudit.notRequested());
                return 1;
            }
            long t2 = System.nanoTime();
            if (!lost.isEmpty()) {
                err.println(lost.size() + " instance(s) of this study could not be read from the medium: not complete");
            }
            StorageCommitmentAudit commitment = StorageCommitmentAudit.notRequested();
            if (commitmentPort != null) {
                if (report.complete()) {
                    commitment = storageCommitment(queue, report.jobId(), err);
                } else {
                    err.println("storage commitment not requested: the study is not complete in the PACS");
                }
            }
            printRows(report.rows(), queue.commitmentDetails(report.jobId()));
            err.printf("timing: reading the medium %.1f s, checking, sending and verifying %.1f s%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            err.printf("%d instances: %d sent, %d already in the PACS, %d failed; %d confirmed by C-FIND%s%n", total,
                    report.count(ItemState.SENT), report.count(ItemState.PRESENT), report.count(ItemState.FAILED),
                    report.rows().stream().filter(QueueRow::confirmed).count(),
                    report.gaveUp() ? "; GAVE UP, missing: " + report.missing().size() : "");
            report.warnings().forEach(w -> err.println("warning: " + w));
            audit(data, external, plan, items, report.rows(), commitment);
            boolean committed = commitmentPort == null
                    || commitment.state() == StorageCommitmentAudit.State.COMMITTED;
            return report.complete() && committed && report.rows().size() == total && lost.isEmpty() ? 0 : 1;
        } catch (SendException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** Asks for storage commitment; what came back (or why nothing did) is printed and returned for the audit. */
    private StorageCommitmentAudit storageCommitment(SendQueue queue, String jobId, PrintStream err) {
        org.importdesk.engine.config.TlsSettings tls;
        try {
            tls = to.tls() ? org.importdesk.engine.config.ConfigurationLoader.loadForCurrentUser().settings().tls()
                    : org.importdesk.engine.config.TlsSettings.none();
        } catch (RuntimeException e) {
            err.println("storage commitment failed: " + e.getMessage());
            return StorageCommitmentAudit.requestFailed(e.getMessage());
        }
        try (LocalArchiveScp listener = CommitmentListener.open(callingAet, InetAddress.getByName(commitmentBind),
                commitmentPort, to.tls(), tls)) {
            StorageCommitter.Outcome o = new StorageCommitter(queue, callingAet, listener)
                    .commit(to, jobId, Duration.ofSeconds(commitmentWait));
            err.printf("storage commitment: %d requested, %d committed, %d failed, %d unanswered%n", o.requested(),
                    o.committed(), o.failed(), o.unanswered());
            o.failures().forEach((uid, reason) -> err.printf("storage commitment FAILED for %s: %04X %s%n", uid,
                    reason, StorageCommitmentAudit.reasonText(reason)));
            if (!o.note().isEmpty()) {
                err.println("storage commitment: " + o.note());
            } else if (o.requested() > 0 && o.unanswered() == o.requested()) {
                err.println("storage commitment: no report within " + commitmentWait + " s (does the PACS know "
                        + callingAet + " at port " + commitmentPort + "?)");
            }
            return o.audit();
        } catch (IOException | SendException e) {
            err.println("storage commitment failed: " + e.getMessage());
            return StorageCommitmentAudit.requestFailed(e.getMessage());
        }
    }

    private Optional<String> accessionFromWorklist(DicomQueryClient client, Demographics external, PrintStream err) {
        try {
            Reconciliation r = new Reconciler(client, CandidateScorer.defaults())
                    .reconcile(external, Optional.of(worklist), Optional.empty());
            err.println("worklist: " + r.explanation());
            if (r.chosen().isEmpty()) {
                return Optional.empty();
            }
            ScoredCandidate c = r.chosen().get();
            if (!c.candidate().demographics().patientId().equals(patientId)) {
                err.println("warning: the matched order belongs to another local patient ID; its accession is not used");
                return Optional.empty();
            }
            return Optional.of(c.candidate().accessionNumber());
        } catch (DicomNetworkException e) {
            err.println("warning: worklist query failed: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void printRows(List<QueueRow> rows, Map<String, SendQueue.Commitment> commitments) {
        PrintStream out = System.out;
        if (format.equals("tsv")) {
            out.println("sop_instance_uid\tseries_instance_uid\tstate\tstatus\tconfirmed\tattempts\tacks\tfile\treason"
                    + "\tcommitment");
            for (QueueRow r : rows) {
                out.println(String.join("\t", r.sopInstanceUid(), r.seriesInstanceUid(), r.state().label(), r.status(),
                        r.confirmed() ? "yes" : "no", Integer.toString(r.attempts()), Integer.toString(r.acks()),
                        r.file(), r.reason().replace('\t', ' ').replace('\n', ' '),
                        commitment(commitments.get(r.sopInstanceUid()))));
            }
        } else {
            for (QueueRow r : rows) {
                String c = commitment(commitments.get(r.sopInstanceUid()));
                out.printf("%-9s %-4s %-9s %s %s%s%n", r.state().label(), r.status().isEmpty() ? "-" : r.status(),
                        r.confirmed() ? "confirmed" : "MISSING", r.sopInstanceUid(),
                        r.reason().isEmpty() ? "" : "(" + r.reason() + ") ",
                        c.isEmpty() ? "" : "commitment " + c);
            }
        }
    }

    /** "committed", "failed:0112", "unanswered", or empty when commitment was not requested for the instance. */
    private static String commitment(SendQueue.Commitment c) {
        if (c == null || c.state().isEmpty()) {
            return "";
        }
        return c.state().equals("failed") ? "failed:" + c.detail() : c.state();
    }

    private void audit(Path data, Demographics external, CoercionPlan plan, List<SendItem> items, List<QueueRow> rows,
                       StorageCommitmentAudit commitment) {
        Map<String, Integer> bySopClass = new TreeMap<>();
        items.forEach(i -> bySopClass.merge(i.sopClassUid(), 1, Integer::sum));
        int sent = (int) rows.stream().filter(r -> r.state() == ItemState.SENT).count();
        int present = (int) rows.stream().filter(r -> r.state() == ItemState.PRESENT).count();
        int failed = (int) rows.stream().filter(r -> r.state() == ItemState.FAILED).count();
        int missing = (int) rows.stream().filter(r -> !r.confirmed()).count();
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        ImportAuditRecord rec = new ImportAuditRecord(OffsetDateTime.now(), System.getProperty("user.name", "unknown"),
                host, path.toAbsolutePath().toString(), external.patientId(), external.issuer(), external.name(),
                patientId, issuer, patientName == null ? external.name() : patientName, studyUid,
                plan.accessionNumber() == null ? "" : plan.accessionNumber(), to.toString(),
                proposedClass == null ? "" : proposedClass, classCode, bySopClass, sent, present, failed, missing,
                commitment);
        try {
            Path file = new AuditMessageWriter().store(rec, data.resolve("audit"));
            System.err.println("audit: " + file + " (outcome " + rec.outcomeIndicator() + ", "
                    + rec.commitment().summary() + ")");
        } catch (IOException e) {
            System.err.println("warning: cannot write the audit record: " + e.getMessage());
        }
    }

    static Path defaultDataDir() {
        String env = System.getenv("IMPORTDESK_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String prop = System.getProperty("importdesk.data");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        return org.importdesk.engine.config.AppDirectories.forCurrentUser().data();
    }
}
