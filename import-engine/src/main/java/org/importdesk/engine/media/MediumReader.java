package org.importdesk.engine.media;

import org.importdesk.engine.dicom.DicomAttributes;
import org.importdesk.engine.dicom.DicomHeader;
import org.importdesk.engine.dicom.DicomProbe;
import org.importdesk.engine.dicom.DicomReadException;
import org.importdesk.engine.dicom.DicomSniffer;
import org.importdesk.engine.dicom.DicomTag;
import org.importdesk.engine.dicom.DicomUids;
import org.importdesk.engine.dicom.MediaDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads any patient medium: a folder or mounted disc, a DICOMDIR path, or a ZIP archive. Through the DICOMDIR when
 * there is a readable one (references resolved leniently, escapes refused, missing files reported, unreferenced files
 * found and offered), otherwise by a recursive scan. Headers only; nothing on the medium is written or executed.
 * Files are read in parallel and decided in a fixed order, so results are the same from run to run.
 */
public final class MediumReader {
    private static final Logger LOG = LoggerFactory.getLogger(MediumReader.class);

    private final DicomProbe.Prober prober;
    private final MediaDirectory.Reader directoryReader;
    private final int threads;

    public MediumReader() {
        this(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    public MediumReader(int threads) {
        this(DicomProbe.Prober.pixelMed(), MediaDirectory.Reader.pixelMed(), threads);
    }

    MediumReader(DicomProbe.Prober prober, MediaDirectory.Reader directoryReader, int threads) {
        this.prober = prober;
        this.directoryReader = directoryReader;
        this.threads = Math.max(1, threads);
    }

    public MediumScan read(Path source) throws MediumException {
        return read(source, MediumListener.none(), CancellationToken.none());
    }

    /**
     * Reads the medium at {@code source}. Bad files never throw: they become rows. Throws only when the medium
     * cannot be read at all. Cancelling returns what was decided so far, marked incomplete.
     */
    public MediumScan read(Path source, MediumListener listener, CancellationToken cancel) throws MediumException {
        if (!Files.exists(source)) {
            throw new MediumException(source, "no such file or folder: " + source, null);
        }
        if (!Files.isReadable(source)) {
            throw new MediumException(source, "cannot read (no permission): " + source, null);
        }
        FileSystem zip = null;
        try {
            Path root;
            Path dicomdir = null;
            MediumSource.Kind kind;
            Path single = null;
            if (Files.isDirectory(source)) {
                kind = MediumSource.Kind.FOLDER;
                root = source.toAbsolutePath().normalize();
            } else if (isZip(source)) {
                kind = MediumSource.Kind.ZIP;
                try {
                    zip = FileSystems.newFileSystem(source, Map.of());
                } catch (IOException | RuntimeException e) {
                    throw new MediumException(source, "cannot open ZIP archive " + source + ": " + e.getMessage(), e);
                }
                root = zip.getRootDirectories().iterator().next();
            } else if (isDicomdirName(source) || isMediaDirectoryFile(source)) {
                kind = MediumSource.Kind.DICOMDIR;
                root = parentOf(source);
                dicomdir = source.toAbsolutePath().normalize();
            } else {
                kind = MediumSource.Kind.FILE;
                root = parentOf(source);
                single = source;
            }
            MediumListing listing;
            try {
                listing = single != null ? MediumListing.ofSingleFile(root, single.toAbsolutePath())
                        : MediumListing.of(root);
            } catch (IOException e) {
                throw new MediumException(source, "cannot list " + root + ": " + e.getMessage(), e);
            }
            if (kind == MediumSource.Kind.FOLDER || kind == MediumSource.Kind.ZIP) {
                dicomdir = findDicomdir(listing, root).orElse(null);
            }
            Run run = new Run(listing, kind, source, dicomdir, single, listener, cancel);
            MediumScan scan = run.execute(zip);
            zip = null; // now owned by the scan
            return scan;
        } finally {
            if (zip != null) {
                try {
                    zip.close();
                } catch (IOException e) {
                    LOG.debug("closing ZIP file system", e);
                }
            }
        }
    }

    private static Path parentOf(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.getParent() == null ? abs : abs.getParent();
    }

    private static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isDicomdirName(Path file) {
        Path name = file.getFileName();
        return name != null && ReferenceResolver.normalise(name.toString().replace("/", "")).equals("dicomdir");
    }

    private boolean isMediaDirectoryFile(Path file) {
        try {
            return prober.probe(file, Files.size(file)).isMediaDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    /** A DICOMDIR at the root, or below a chain of single folders (a ZIP that wraps the disc in one folder). */
    private static Optional<Path> findDicomdir(MediumListing listing, Path root) {
        Path dir = root;
        for (int depth = 0; depth < 3; depth++) {
            List<MediumListing.Entry> children = listing.children(dir);
            Optional<Path> here = children.stream().filter(e -> !e.directory() && !e.link())
                    .map(MediumListing.Entry::path).filter(MediumReader::isDicomdirName)
                    .sorted().findFirst();
            if (here.isPresent()) {
                return here;
            }
            if (children.size() != 1 || !children.get(0).directory()) {
                return Optional.empty();
            }
            dir = children.get(0).path();
        }
        return Optional.empty();
    }

    /** One item of the ordered work list: a file to probe, or a row decided without opening anything. */
    private record Work(MediumListing.Entry entry, String displayPath, Path path, boolean referenced,
                        DirectoryReference reference, MediumFile decided) {
    }

    /** The state of one read. */
    private final class Run {
        private final MediumListing listing;
        private final MediumSource.Kind kind;
        private final Path given;
        private final Path dicomdir;
        private final Path single;
        private final MediumListener listener;
        private final CancellationToken cancel;
        private final List<Work> work = new ArrayList<>();
        private final Map<String, DirectoryReference> references = new LinkedHashMap<>();
        private final Map<String, IconImage> icons = new HashMap<>();
        private String dicomdirProblem = "";
        private final List<MediumFile> rows = new ArrayList<>();
        private final Map<String, String> firstFileOfSop = new HashMap<>();
        private final StudyTreeBuilder tree;
        private int instances;
        private int problems;
        private Path realRoot;

        Run(MediumListing listing, MediumSource.Kind kind, Path given, Path dicomdir, Path single,
            MediumListener listener, CancellationToken cancel) {
            this.listing = listing;
            this.kind = kind;
            this.given = given;
            this.dicomdir = dicomdir;
            this.single = single;
            this.listener = listener;
            this.cancel = cancel;
            this.tree = new StudyTreeBuilder(icons);
        }

        MediumScan execute(FileSystem zip) {
            planWork();
            MediumSource source = new MediumSource(given, kind, listing.root(), Optional.ofNullable(dicomdir),
                    dicomdirProblem);
            listener.started(source, work.size());
            boolean complete = decideAll();
            List<PatientRecord> patients = tree.build();
            MediumHealth health = health(patients);
            return new MediumScan(source, patients, rows, references, health, complete, zip);
        }

        private void planWork() {
            Set<String> planned = new HashSet<>();
            boolean throughDicomdir = false;
            if (dicomdir != null) {
                String display = listing.display(dicomdir);
                planned.add(display);
                try {
                    MediaDirectory directory = directoryReader.read(dicomdir);
                    throughDicomdir = true;
                    long images = directory.paths().stream().filter(p -> p.get(p.size() - 1).referencesFile()).count();
                    work.add(decided(new MediumFile(dicomdir, display, FileStatus.OK, Optional.empty(),
                            "DICOMDIR used: " + directory.recordCount() + " records, " + images + " file references"
                                    + (directory.linkedByOffsets() ? "" : " (offsets unusable: linked by record order)"))));
                    planReferences(directory, parentOf(dicomdir), planned);
                } catch (DicomReadException e) {
                    dicomdirProblem = e.getMessage();
                    work.add(decided(new MediumFile(dicomdir, display, FileStatus.UNREADABLE, Optional.empty(),
                            e.getMessage() + "; the medium is read by a recursive scan instead")));
                }
            }
            for (Map.Entry<Path, String> failure : listing.failures().entrySet()) {
                String display = listing.display(failure.getKey());
                planned.add(display);
                work.add(decided(new MediumFile(failure.getKey(), display, FileStatus.UNREADABLE, Optional.empty(),
                        "cannot be listed: " + failure.getValue())));
            }
            for (MediumListing.Entry e : listing.files()) {
                if (planned.add(e.displayPath())) {
                    Optional<MediumFile> refused = refuseLinkOutside(e);
                    work.add(refused.map(this::decided)
                            .orElseGet(() -> new Work(e, e.displayPath(), e.path(), !throughDicomdir(), null, null)));
                }
            }
        }

        private boolean throughDicomdir() {
            return dicomdir != null && dicomdirProblem.isEmpty();
        }

        private void planReferences(MediaDirectory directory, Path base, Set<String> planned) {
            ReferenceResolver resolver = new ReferenceResolver(listing, base);
            String baseDisplay = listing.display(base);
            for (List<MediaDirectory.Record> path : directory.paths()) {
                MediaDirectory.Record record = path.get(path.size() - 1);
                if (record.type().equals("SERIES") && record.icon().isPresent()) {
                    String seriesUid = record.attributes().string(DicomTag.SERIES_INSTANCE_UID);
                    icons.putIfAbsent(seriesUid, icon(record));
                }
                if (!record.referencesFile()) {
                    continue;
                }
                DirectoryReference ref = reference(path);
                if (record.icon().isPresent() && !ref.seriesInstanceUid().isEmpty()) {
                    icons.putIfAbsent(ref.seriesInstanceUid(), icon(record));
                }
                String wanted = (baseDisplay.isEmpty() ? "" : baseDisplay + "/") + ref.referencedFileId();
                ReferenceResolver.Resolution resolution = resolver.resolve(record.referencedFileId());
                if (resolution instanceof ReferenceResolver.Found f) {
                    if (planned.add(f.entry().displayPath())) {
                        references.put(f.entry().displayPath(), ref);
                        Optional<MediumFile> refused = refuseLinkOutside(f.entry());
                        work.add(refused.map(this::decided).orElseGet(() ->
                                new Work(f.entry(), f.entry().displayPath(), f.entry().path(), true, ref, null)));
                    }
                } else if (resolution instanceof ReferenceResolver.Missing m) {
                    references.put(wanted, ref);
                    work.add(decided(new MediumFile(base.resolve(m.wanted()), wanted, FileStatus.MISSING,
                            Optional.empty(), "referenced by the DICOMDIR (" + ref.recordType()
                            + " record) but not on the medium")));
                } else if (resolution instanceof ReferenceResolver.Outside o) {
                    references.put(wanted, ref);
                    work.add(decided(new MediumFile(base, wanted, FileStatus.OUTSIDE_MEDIUM, Optional.empty(),
                            "DICOMDIR reference refused, never opened: " + o.why())));
                }
            }
        }

        private IconImage icon(MediaDirectory.Record record) {
            var p = record.icon().orElseThrow();
            return new IconImage(p.rows(), p.columns(), p.grey());
        }

        private DirectoryReference reference(List<MediaDirectory.Record> path) {
            String patientId = "", study = "", series = "";
            for (MediaDirectory.Record r : path) {
                DicomAttributes a = r.attributes();
                switch (r.type()) {
                    case "PATIENT" -> patientId = a.string(DicomTag.PATIENT_ID);
                    case "STUDY" -> study = a.string(DicomTag.STUDY_INSTANCE_UID);
                    case "SERIES" -> series = a.string(DicomTag.SERIES_INSTANCE_UID);
                    default -> {
                    }
                }
            }
            MediaDirectory.Record leaf = path.get(path.size() - 1);
            DicomAttributes a = leaf.attributes();
            return new DirectoryReference(leaf.type(), String.join("/", leaf.referencedFileId()), patientId, study,
                    series, a.string(DicomTag.REFERENCED_SOP_INSTANCE_UID_IN_FILE),
                    a.string(DicomTag.REFERENCED_SOP_CLASS_UID_IN_FILE),
                    a.string(DicomTag.REFERENCED_TRANSFER_SYNTAX_UID_IN_FILE));
        }

        /** A link on the medium that points outside it is never followed. */
        private Optional<MediumFile> refuseLinkOutside(MediumListing.Entry e) {
            if (!e.link()) {
                return Optional.empty();
            }
            try {
                if (realRoot == null) {
                    realRoot = listing.root().toRealPath();
                }
                Path target = e.path().toRealPath();
                if (target.startsWith(realRoot) && Files.isRegularFile(target)) {
                    return Optional.empty();
                }
                return Optional.of(new MediumFile(e.path(), e.displayPath(), FileStatus.OUTSIDE_MEDIUM,
                        Optional.empty(), "a link that points outside the medium: never opened"));
            } catch (IOException ex) {
                return Optional.of(new MediumFile(e.path(), e.displayPath(), FileStatus.UNREADABLE, Optional.empty(),
                        "a broken link: " + ex.getMessage()));
            }
        }

        private Work decided(MediumFile file) {
            return new Work(null, file.displayPath(), file.path(), false, null, file);
        }

        /** Probes in parallel, decides strictly in work-list order; returns false when cancelled. */
        private boolean decideAll() {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "medium-reader");
                t.setDaemon(true);
                return t;
            });
            AtomicInteger started = new AtomicInteger();
            try {
                List<Future<DicomProbe>> futures = new ArrayList<>(work.size());
                for (Work w : work) {
                    futures.add(w.decided() != null ? null : pool.submit(() -> {
                        started.incrementAndGet();
                        return cancel.isCancelled() ? DicomProbe.unreadable("cancelled")
                                : prober.probe(w.path(), w.entry().size());
                    }));
                }
                for (int i = 0; i < work.size(); i++) {
                    if (cancel.isCancelled()) {
                        return false;
                    }
                    Work w = work.get(i);
                    MediumFile row = w.decided() != null ? w.decided() : decide(w, await(futures.get(i)));
                    if (cancel.isCancelled() && row.message().equals("cancelled")) {
                        return false;
                    }
                    accept(row, i + 1);
                }
                return true;
            } finally {
                pool.shutdownNow();
            }
        }

        private DicomProbe await(Future<DicomProbe> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.cancel();
                return DicomProbe.unreadable("cancelled");
            } catch (ExecutionException | CancellationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return DicomProbe.unreadable("reading failed: " + cause);
            }
        }

        private MediumFile decide(Work w, DicomProbe probe) {
            String referencedNote = w.referenced() && w.reference() != null ? "referenced by the DICOMDIR, but " : "";
            switch (probe.kind()) {
                case NOT_DICOM:
                    return new MediumFile(w.path(), w.displayPath(), FileStatus.NOT_DICOM, Optional.empty(),
                            referencedNote + probe.message());
                case UNREADABLE:
                    // a header read whole (pixel data cut short) is kept: the study can still be classified
                    return new MediumFile(w.path(), w.displayPath(), FileStatus.UNREADABLE,
                            probe.isMediaDirectory() ? Optional.empty() : probe.header(), probe.message());
                default:
                    break;
            }
            DicomHeader header = probe.header().orElseThrow();
            if (probe.isMediaDirectory()) {
                return new MediumFile(w.path(), w.displayPath(), FileStatus.OK, Optional.empty(),
                        "another DICOMDIR (a directory, not an instance; not used)");
            }
            List<String> notes = new ArrayList<>();
            if (!probe.message().isEmpty()) {
                notes.add(probe.message());
            }
            String sop = header.sopInstanceUid();
            if (sop.isEmpty()) {
                notes.add("no SOP Instance UID");
            } else if (firstFileOfSop.containsKey(sop)) {
                return new MediumFile(w.path(), w.displayPath(), FileStatus.DUPLICATE, Optional.of(header),
                        "same SOP Instance UID as " + firstFileOfSop.get(sop) + ": collapsed");
            } else {
                firstFileOfSop.put(sop, w.displayPath());
            }
            if (w.reference() != null && !w.reference().sopInstanceUid().isEmpty()
                    && !w.reference().sopInstanceUid().equals(sop)) {
                notes.add("SOP Instance UID differs from the DICOMDIR record's");
            }
            FileStatus status = w.referenced() ? FileStatus.OK : FileStatus.UNREFERENCED;
            if (status == FileStatus.UNREFERENCED) {
                notes.add("on the medium but not in its DICOMDIR");
            }
            return new MediumFile(w.path(), w.displayPath(), status, Optional.of(header), String.join("; ", notes));
        }

        private void accept(MediumFile row, int done) {
            rows.add(row);
            boolean newStudy = false;
            switch (row.status()) {
                case OK, UNREFERENCED -> {
                    if (row.header().isPresent()) {
                        instances++;
                        newStudy = tree.add(row.header().get(), row.displayPath());
                    }
                }
                case UNREADABLE, MISSING, OUTSIDE_MEDIUM -> problems++;
                default -> {
                }
            }
            MediumProgress progress = new MediumProgress(done, work.size(), instances, tree.studyCount(), problems);
            listener.fileDecided(row, progress);
            if (newStudy) {
                var snapshot = tree.snapshot(row.header().get());
                listener.studyFound(snapshot.getKey(), snapshot.getValue(), progress);
            }
        }

        private MediumHealth health(List<PatientRecord> patients) {
            List<MediumHealth.TreeCount> counts = new ArrayList<>();
            int studies = 0, series = 0, total = 0;
            for (PatientRecord p : patients) {
                int patientInstances = p.studies().stream().mapToInt(StudyRecord::instanceCount).sum();
                counts.add(new MediumHealth.TreeCount(MediumHealth.TreeCount.Level.PATIENT, p.patientId(), "",
                        patientInstances));
                for (StudyRecord s : p.studies()) {
                    studies++;
                    counts.add(new MediumHealth.TreeCount(MediumHealth.TreeCount.Level.STUDY, s.studyInstanceUid(),
                            s.studyDescription(), s.instanceCount()));
                    for (SeriesRecord r : s.series()) {
                        series++;
                        total += r.instances().size();
                        counts.add(new MediumHealth.TreeCount(MediumHealth.TreeCount.Level.SERIES,
                                r.seriesInstanceUid(), (r.modality() + " " + r.seriesDescription()).strip(),
                                r.instances().size()));
                    }
                }
            }
            Map<FileStatus, Integer> byStatus = new EnumMap<>(FileStatus.class);
            for (FileStatus s : FileStatus.values()) {
                byStatus.put(s, 0);
            }
            rows.forEach(r -> byStatus.merge(r.status(), 1, Integer::sum));
            TreeMap<String, Integer> syntaxes = new TreeMap<>();
            List<NotPreviewable> notPreviewable = new ArrayList<>();
            for (MediumFile r : rows) {
                if (!r.status().usable() || r.header().isEmpty()) {
                    continue;
                }
                DicomHeader h = r.header().get();
                syntaxes.merge(h.transferSyntaxUid(), 1, Integer::sum);
                DicomUids.whyNotPreviewable(h.sopClassUid(), h.transferSyntaxUid(), h.hasPixelData(),
                                h.attributes().integer(DicomTag.BITS_ALLOCATED).orElse(0))
                        .ifPresent(why -> notPreviewable.add(new NotPreviewable(r.displayPath(), h.sopInstanceUid(), why)));
            }
            List<MediumFile> unreadable = rows.stream().filter(r -> r.status() == FileStatus.UNREADABLE).toList();
            List<String> warnings = new ArrayList<>();
            if (patients.size() > 1) {
                warnings.add("several patients on one medium: " + patients.size());
            }
            if (byStatus.get(FileStatus.DUPLICATE) > 0) {
                warnings.add(byStatus.get(FileStatus.DUPLICATE) + " duplicate file(s) collapsed (same SOP Instance UID)");
            }
            tree.mixedPatientStudies().forEach(uid -> warnings.add("study " + uid + " has instances of different patients"));
            if (!dicomdirProblem.isEmpty()) {
                warnings.add("DICOMDIR unusable, read by recursive scan: " + dicomdirProblem);
            }
            if (byStatus.get(FileStatus.MISSING) > 0) {
                warnings.add(byStatus.get(FileStatus.MISSING) + " file(s) referenced by the DICOMDIR are missing");
            }
            if (byStatus.get(FileStatus.OUTSIDE_MEDIUM) > 0) {
                warnings.add(byStatus.get(FileStatus.OUTSIDE_MEDIUM)
                        + " reference(s) pointing outside the medium were refused");
            }
            if (byStatus.get(FileStatus.UNREFERENCED) > 0) {
                warnings.add(byStatus.get(FileStatus.UNREFERENCED) + " DICOM file(s) on the medium are not in its DICOMDIR");
            }
            if (!unreadable.isEmpty()) {
                warnings.add(unreadable.size() + " DICOM file(s) cannot be read");
            }
            return new MediumHealth(patients.size(), studies, series, total, List.copyOf(counts), byStatus,
                    java.util.Collections.unmodifiableSortedMap(syntaxes), List.copyOf(notPreviewable), unreadable,
                    List.copyOf(warnings));
        }
    }
}
