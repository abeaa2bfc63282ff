package org.importdesk.engine.media;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything read from one medium: the patient > study > series > instance tree of its usable instances (OK and
 * UNREFERENCED, duplicates collapsed), every file found or referenced with its outcome, and the health summary.
 * Immutable. For a ZIP the instances' paths live in the ZIP's file system, which stays open until {@link #close()}.
 * {@link #complete()} is false when the read was cancelled: the tree and rows then hold what was decided until then.
 * Rows with status OK but no header are DICOMDIR files (the one used, or others on the medium), not instances.
 */
public final class MediumScan implements Closeable {
    private final MediumSource source;
    private final List<PatientRecord> patients;
    private final List<MediumFile> files;
    private final Map<String, DirectoryReference> references;
    private final MediumHealth health;
    private final boolean complete;
    private final FileSystem openedFileSystem;
    private final Map<String, MediumFile> filesBySop;

    MediumScan(MediumSource source, List<PatientRecord> patients, List<MediumFile> files,
               Map<String, DirectoryReference> references, MediumHealth health, boolean complete,
               FileSystem openedFileSystem) {
        this.source = source;
        this.patients = List.copyOf(patients);
        this.files = List.copyOf(files);
        this.references = Map.copyOf(references);
        this.health = health;
        this.complete = complete;
        this.openedFileSystem = openedFileSystem;
        this.filesBySop = this.files.stream()
                .filter(f -> f.status().usable() && f.header().isPresent() && !f.header().get().sopInstanceUid().isEmpty())
                .collect(Collectors.toUnmodifiableMap(f -> f.header().get().sopInstanceUid(), Function.identity(),
                        (a, b) -> a));
    }

    public MediumSource source() {
        return source;
    }

    public List<PatientRecord> patients() {
        return patients;
    }

    /** Every file found on or referenced by the medium, one row each, in reading order. */
    public List<MediumFile> files() {
        return files;
    }

    public MediumHealth health() {
        return health;
    }

    public boolean complete() {
        return complete;
    }

    public boolean severalPatients() {
        return patients.size() > 1;
    }

    /** How many files were collapsed as second copies of an instance already seen. */
    public int duplicatesCollapsed() {
        return health.count(FileStatus.DUPLICATE);
    }

    public List<StudyRecord> studies() {
        List<StudyRecord> out = new ArrayList<>();
        patients.forEach(p -> out.addAll(p.studies()));
        return List.copyOf(out);
    }

    /**
     * Studies none of whose files can be imported, but whose headers were read whole (pixel data cut short): not part
     * of the study tree, yet their metadata still says what they are (classification, reports).
     */
    public List<StudyRecord> damagedStudies() {
        java.util.Set<String> inTree = new java.util.HashSet<>();
        studies().forEach(s -> inTree.add(s.studyInstanceUid()));
        StudyTreeBuilder damaged = new StudyTreeBuilder(Map.of());
        for (MediumFile f : files) {
            if (f.status() == FileStatus.UNREADABLE && f.header().isPresent()
                    && !inTree.contains(f.header().get().studyInstanceUid())) {
                damaged.add(f.header().get(), f.displayPath());
            }
        }
        List<StudyRecord> out = new ArrayList<>();
        damaged.build().forEach(p -> out.addAll(p.studies()));
        return List.copyOf(out);
    }

    public Optional<StudyRecord> study(String studyInstanceUid) {
        return studies().stream().filter(s -> s.studyInstanceUid().equals(studyInstanceUid)).findFirst();
    }

    public Optional<PatientRecord> patientOf(StudyRecord study) {
        return patientOfStudy(study.studyInstanceUid());
    }

    public Optional<PatientRecord> patientOfStudy(String studyInstanceUid) {
        return patients.stream()
                .filter(p -> p.studies().stream().anyMatch(s -> s.studyInstanceUid().equals(studyInstanceUid)))
                .findFirst();
    }

    public Optional<SeriesRecord> series(String seriesInstanceUid) {
        return studies().stream().flatMap(s -> s.series().stream())
                .filter(s -> s.seriesInstanceUid().equals(seriesInstanceUid)).findFirst();
    }

    public List<InstanceRecord> instances() {
        return studies().stream().flatMap(s -> s.series().stream()).flatMap(s -> s.instances().stream()).toList();
    }

    public List<MediumFile> files(FileStatus first, FileStatus... more) {
        EnumSet<FileStatus> wanted = EnumSet.of(first, more);
        return files.stream().filter(f -> wanted.contains(f.status())).toList();
    }

    /** The row of a usable instance (OK or UNREFERENCED), by SOP Instance UID. */
    public Optional<MediumFile> fileOf(String sopInstanceUid) {
        return Optional.ofNullable(filesBySop.get(sopInstanceUid));
    }

    /** Whether the instance came from a file the DICOMDIR does not list (offered, but worth a look). */
    public boolean unreferenced(InstanceRecord instance) {
        return fileOf(instance.sopInstanceUid()).map(f -> f.status() == FileStatus.UNREFERENCED).orElse(false);
    }

    /** What the DICOMDIR record said about a row's file, when a DICOMDIR referenced it. */
    public Optional<DirectoryReference> reference(MediumFile file) {
        return Optional.ofNullable(references.get(file.displayPath()));
    }

    /** A few lines for people (no patient names): what was read, counts, problems. */
    public List<String> summaryLines() {
        List<String> out = new ArrayList<>();
        out.add("medium: " + source.given() + " (" + source.kind().name().toLowerCase()
                + (source.readThroughDicomdir() ? ", through its DICOMDIR" : ", recursive scan") + ")"
                + (complete ? "" : " - CANCELLED, incomplete"));
        out.add(String.format("tree: %d patient(s), %d study(ies), %d series, %d instance(s)", health.patients(),
                health.studies(), health.series(), health.instances()));
        if (source.readThroughDicomdir()) {
            List<MediumFile> referenced = files(FileStatus.OK).stream().filter(f -> f.header().isPresent()).toList();
            long referencedPatients = referenced.stream().map(f -> f.header().get().patientId()).distinct().count();
            out.add(String.format("through the DICOMDIR: %d instance(s) of %d patient(s); not in the DICOMDIR "
                    + "(offered): %d instance(s)", referenced.size(), referencedPatients,
                    health.count(FileStatus.UNREFERENCED)));
        }
        StringBuilder statuses = new StringBuilder("files:");
        Arrays.stream(FileStatus.values()).forEach(s -> statuses.append(' ').append(s.label()).append('=')
                .append(health.count(s)));
        out.add(statuses.toString());
        for (MediumHealth.TreeCount c : health.counts()) {
            String indent = switch (c.level()) {
                case PATIENT -> "  patient ";
                case STUDY -> "    study ";
                case SERIES -> "      series ";
            };
            out.add(indent + (c.id().isEmpty() ? "(no id)" : c.id())
                    + (c.description().isEmpty() ? "" : " [" + c.description() + "]") + ": " + c.instances()
                    + " instance(s)");
        }
        if (!health.transferSyntaxes().isEmpty()) {
            out.add("transfer syntaxes: " + health.transferSyntaxes().entrySet().stream()
                    .map(e -> org.importdesk.engine.dicom.DicomUids.transferSyntaxName(e.getKey()) + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        if (!health.notPreviewable().isEmpty()) {
            out.add("cannot be previewed: " + health.notPreviewable().size() + " instance(s), e.g. "
                    + health.notPreviewable().get(0).displayPath() + ": " + health.notPreviewable().get(0).reason());
        }
        health.warnings().forEach(w -> out.add("warning: " + w));
        return out;
    }

    @Override
    public void close() throws IOException {
        if (openedFileSystem != null && openedFileSystem.isOpen()) {
            openedFileSystem.close();
        }
    }
}
